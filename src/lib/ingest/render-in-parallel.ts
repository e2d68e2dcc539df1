import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileConfiguredThemes, renderPages, type PageJob, type RenderedPage } from './pipeline.ts';

/** Below this many papers, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 4000;

/**
 * Renders pages on every core: the jobs are split into contiguous shares, one worker thread each,
 * and the results joined in order, so the output is the same as rendering on one thread.
 */
export async function renderInParallel(jobs: readonly PageJob[]): Promise<RenderedPage[]> {
  const workers = Math.min(availableParallelism(), 8);
  if (jobs.length < PARALLEL_THRESHOLD || workers < 2) return renderPages(jobs, compileConfiguredThemes());
  const share = Math.ceil(jobs.length / workers);
  const shares = Array.from({ length: workers }, (_, index) => jobs.slice(index * share, (index + 1) * share));
  const results = await Promise.all(
    shares.map(
      (part) =>
        new Promise<RenderedPage[]>((resolve, reject) => {
          const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: part });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  return results.flat();
}
