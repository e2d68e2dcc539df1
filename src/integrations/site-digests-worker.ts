/** A worker thread that takes the digests of the built site in `workerData` (its folder); see offline-cache.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { siteDigests } from './site-digests.ts';

parentPort!.postMessage(siteDigests(workerData as string));
