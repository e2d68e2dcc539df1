import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileConfiguredThemes, outlineOf, renderPages, type PageJob, type PageOutline } from './pipeline.ts';

/** Below this many papers, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 4000;
/** How often a worker reports progress, in pages. */
const PROGRESS_EVERY = 500;

/** A worker's messages: pages written so far, then its share's outlines. */
export type WorkerMessage = { written: number } | { outlines: PageOutline[] };

/** Renders a share of the papers and writes each page into `folder` as soon as it is rendered. */
export function renderAndWriteShare(jobs: readonly PageJob[], folder: string, onWritten: (count: number) => void): PageOutline[] {
  const pages = renderPages(jobs, compileConfiguredThemes());
  pages.forEach((page, index) => {
    writeFileSync(join(folder, page.name), page.content);
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === pages.length)
      onWritten((index + 1) % PROGRESS_EVERY || PROGRESS_EVERY);
  });
  return pages.map(outlineOf);
}

/**
 * Renders the papers' pages and writes them into `folder`, on every core: the jobs are split into
 * contiguous shares, one worker thread each, which writes its own pages (writing 10,000 files is
 * as much work as rendering them). Returns the pages' outlines in the jobs' order, so the result
 * is the same as on one thread.
 */
export async function writePages(
  jobs: readonly PageJob[],
  folder: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PageOutline[]> {
  let done = 0;
  const onWritten = (count: number): void => {
    done += count;
    onProgress?.(done, jobs.length);
  };
  const workers = Math.min(availableParallelism(), 8);
  if (jobs.length < PARALLEL_THRESHOLD || workers < 2) return renderAndWriteShare(jobs, folder, onWritten);
  const share = Math.ceil(jobs.length / workers);
  const shares = Array.from({ length: workers }, (_, index) => jobs.slice(index * share, (index + 1) * share));
  const results = await Promise.all(
    shares.map(
      (part) =>
        new Promise<PageOutline[]>((resolve, reject) => {
          const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: { jobs: part, folder } });
          worker.on('message', (message: WorkerMessage) => {
            if ('written' in message) onWritten(message.written);
            else resolve(message.outlines);
          });
          worker.once('error', reject);
        }),
    ),
  );
  return results.flat();
}
