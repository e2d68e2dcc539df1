/** A worker thread that takes the digests of the built site in the folder it is sent; see offline-cache.ts. */
import { parentPort } from 'node:worker_threads';
import { siteDigests } from './site-digests.ts';

parentPort!.once('message', (dir: string) => parentPort!.postMessage(siteDigests(dir)));
