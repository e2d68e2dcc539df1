/** A worker thread that takes the digests of the built site in the folder it is sent; see offline-cache.ts. */
import { answerInWorker } from '../lib/in-worker.ts';
import { siteDigests } from './site-digests.ts';

answerInWorker((dir: string) => siteDigests(dir));
