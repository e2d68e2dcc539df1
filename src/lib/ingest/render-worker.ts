/** A worker thread that renders and writes a share of the pages for scripts/ingest.ts (see writePages). */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageJob } from './pipeline.ts';
import { renderAndWriteShare, type WorkerMessage } from './render-in-parallel.ts';

const { jobs, folder } = workerData as { jobs: PageJob[]; folder: string };
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
post({ outlines: renderAndWriteShare(jobs, folder, (written) => post({ written })) });
