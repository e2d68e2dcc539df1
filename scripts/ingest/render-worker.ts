/** A worker thread that renders and writes a share of the pages for scripts/ingest.ts (see startPageWriters). */
import { parentPort } from 'node:worker_threads';
import { renderAndWriteShare, type WorkerMessage, type WorkerTask } from './render-in-parallel.ts';

const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
parentPort!.once('message', (task: WorkerTask) => {
  post({ outlines: renderAndWriteShare(task, (written) => post({ written })) });
});
