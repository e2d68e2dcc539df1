/** A worker thread that renders a share of the pages for scripts/ingest.ts (see renderInParallel). */
import { parentPort, workerData } from 'node:worker_threads';
import { compileConfiguredThemes, renderPages, type PageJob } from './pipeline.ts';

const jobs = workerData as PageJob[];
parentPort!.postMessage(renderPages(jobs, compileConfiguredThemes()));
