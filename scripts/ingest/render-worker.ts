/** A worker thread that renders and writes a share of the pages for scripts/ingest.ts (see startPageWriters). */
import { parentPort } from 'node:worker_threads';
import { compileThemes } from '../../src/lib/ingest/classify.ts';
import { SourceError } from '../../src/lib/ingest/source-error.ts';
import { renderAndWriteShare, type WorkerMessage, type WorkerTask } from './render-in-parallel.ts';

const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
parentPort!.once('message', ({ jobs, themes, folder }: WorkerTask) => {
  try {
    post({ outlines: renderAndWriteShare(jobs, compileThemes(themes), folder, (written) => post({ written })) });
  } catch (error) {
    // A thrown error reaches the main thread as a plain Error with a stack: a paper the pipeline
    // refuses goes back as its place and problem, for the CLI to report like any other.
    if (!(error instanceof SourceError)) throw error;
    post({ refused: { place: error.place, problem: error.problem } });
  }
});
// Loaded: the main thread may now hand this worker its share.
post({ ready: true });
