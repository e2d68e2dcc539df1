import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileThemes } from '../../src/lib/ingest/classify.ts';
import { outlineOf, renderPages, type PageJob, type PageOutline } from '../../src/lib/ingest/pipeline.ts';
import { SourceError, type SourcePlace } from '../../src/lib/ingest/source-error.ts';
import type { ThemeDefinition } from '../../src/lib/themes.ts';

/** Below this many papers, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 4000;
/** Dumps hold about a paper per kilobyte or two: from their size, whether workers will be worth starting early. */
const BYTES_PER_PAPER_AT_MOST = 1024;
/** How often a worker reports progress, in pages. */
const PROGRESS_EVERY = 500;

/** Cores ingest renders on, at most. */
const cores = (): number => Math.min(availableParallelism(), 8);

/**
 * Whether ingest of dumps of `sourceBytes` in all will render on every core (a worker per core,
 * started before parsing), or on one.
 */
export function rendersInParallel(sourceBytes: number): boolean {
  return cores() >= 2 && sourceBytes / BYTES_PER_PAPER_AT_MOST >= PARALLEL_THRESHOLD;
}

/** What a worker is sent: its share of the papers, the themes to classify them into, and the folder to write their pages into. */
export interface WorkerTask {
  jobs: PageJob[];
  themes: readonly ThemeDefinition[];
  folder: string;
}

/** A worker's messages: pages written so far, then its share's outlines, or the paper the pipeline refused. */
export type WorkerMessage =
  { written: number } | { outlines: PageOutline[] } | { refused: { place: SourcePlace; problem: string } };

/** Renders a share of the papers and writes each page into `folder` as soon as it is rendered. */
export function renderAndWriteShare({ jobs, themes, folder }: WorkerTask, onWritten: (count: number) => void): PageOutline[] {
  const pages = renderPages(jobs, compileThemes(themes));
  pages.forEach((page, index) => {
    writeFileSync(join(folder, page.name), page.content);
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === pages.length)
      onWritten((index + 1) % PROGRESS_EVERY || PROGRESS_EVERY);
  });
  return pages.map(outlineOf);
}

export interface PageWriters {
  /**
   * Renders the papers' pages, classified into `themes`, and writes them into `folder`: on every
   * core when there are many, in contiguous shares, each worker writing its own pages (writing
   * 10,000 files is as much work as rendering them). Returns the outlines in the jobs' order, the
   * same as on one thread.
   */
  write(
    jobs: readonly PageJob[],
    themes: readonly ThemeDefinition[],
    folder: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<PageOutline[]>;
}

/**
 * Starts a worker thread per core when the dumps (`sourceBytes` in all) are large enough to need
 * them, before their papers are parsed: a worker takes a while to load its code, which it then
 * does while the main thread parses.
 */
export function startPageWriters(sourceBytes: number): PageWriters {
  const startEarly = rendersInParallel(sourceBytes);
  const newWorker = (): Worker => new Worker(new URL('./render-worker.ts', import.meta.url));
  // Waiting workers do not keep the process alive: bad input in a dump ends it with the error.
  const early = startEarly ? Array.from({ length: cores() }, newWorker) : [];
  for (const worker of early) worker.unref();
  return {
    async write(jobs, themes, folder, onProgress) {
      let done = 0;
      const onWritten = (count: number): void => {
        done += count;
        onProgress?.(done, jobs.length);
      };
      if (jobs.length < PARALLEL_THRESHOLD || cores() < 2) {
        await Promise.all(early.map((worker) => worker.terminate()));
        return renderAndWriteShare({ jobs: [...jobs], themes, folder }, onWritten);
      }
      const workers = startEarly ? early : Array.from({ length: cores() }, newWorker);
      const share = Math.ceil(jobs.length / workers.length);
      // Every worker ends with the write, also when one fails: none goes on writing into a staging
      // folder that is being removed.
      const results = await Promise.all(
        workers.map(
          (worker, index) =>
            new Promise<PageOutline[]>((resolve, reject) => {
              worker.on('message', (message: WorkerMessage) => {
                if ('written' in message) onWritten(message.written);
                else if ('refused' in message) reject(new SourceError(message.refused.place, message.refused.problem));
                else resolve(message.outlines);
              });
              worker.once('error', reject);
              const task: WorkerTask = { jobs: jobs.slice(index * share, (index + 1) * share), themes, folder };
              worker.ref();
              worker.postMessage(task);
            }),
        ),
      ).finally(() => Promise.all(workers.map((worker) => worker.terminate())));
      return results.flat();
    },
  };
}
