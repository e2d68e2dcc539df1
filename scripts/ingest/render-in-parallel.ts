import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { compileThemes, type CompiledTheme } from '../../src/lib/ingest/classify.ts';
import { outlineOf, renderPages, type PageJob, type PageOutline } from '../../src/lib/ingest/pipeline.ts';
import { SourceError, type SourcePlace } from '../../src/lib/ingest/source-error.ts';
import { startWorker } from '../../src/lib/in-worker.ts';
import type { ThemeDefinition } from '../../src/lib/themes.ts';

/** From this many papers, a worker thread per other core is started to help: below, loading its code takes longer than the pages. */
export const PARALLEL_THRESHOLD = 2000;
/** Dumps hold about a paper per kilobyte or two: from their size, whether helpers will be worth starting early. */
const BYTES_PER_PAPER_AT_MOST = 1024;
/**
 * The main thread renders this many pages between looks at its messages, where a helper that is
 * ready takes its share: small enough that a helper waits little, large enough to cost nothing.
 */
const CHUNK = 50;
/** How often a worker reports progress, in pages. */
const PROGRESS_EVERY = 500;

/** Cores ingest renders on, at most. */
const cores = (): number => Math.min(availableParallelism(), 8);

/** What a worker is sent: its share of the papers, the themes to classify them into, and the folder to write their pages into. */
export interface WorkerTask {
  jobs: PageJob[];
  themes: readonly ThemeDefinition[];
  folder: string;
}

/**
 * A worker's messages: ready once its code is loaded, then pages written so far, then its share's
 * outlines, or the paper the pipeline refused.
 */
export type WorkerMessage =
  { ready: true } | { written: number } | { outlines: PageOutline[] } | { refused: { place: SourcePlace; problem: string } };

/** Renders papers and writes each page into `folder` as soon as it is rendered. */
export function renderAndWriteShare(
  jobs: readonly PageJob[],
  themes: readonly CompiledTheme[],
  folder: string,
  onWritten: (count: number) => void,
): PageOutline[] {
  const pages = renderPages(jobs, themes);
  pages.forEach((page, index) => {
    writeFileSync(join(folder, page.name), page.content);
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === pages.length)
      onWritten((index + 1) % PROGRESS_EVERY || PROGRESS_EVERY);
  });
  return pages.map(outlineOf);
}

/** The pages' outlines in the jobs' order, and how many threads rendered them. */
export interface WrittenPages {
  outlines: PageOutline[];
  threads: number;
}

export interface PageWriters {
  /**
   * Renders the papers' pages, classified into `themes`, and writes them into `folder`. Returns
   * the outlines in the jobs' order, the same whichever thread rendered them.
   */
  write(
    jobs: readonly PageJob[],
    themes: readonly ThemeDefinition[],
    folder: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<WrittenPages>;
}

/** A helper's share: where it starts among the jobs, and its outlines once written. */
interface Share {
  from: number;
  outlines: Promise<PageOutline[]>;
}

/** Sends a helper its share and resolves with the share's outlines; a paper it refuses rejects with its place and problem. */
function runShare(worker: Worker, task: WorkerTask, onWritten: (count: number) => void): Promise<PageOutline[]> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('written' in message) onWritten(message.written);
      else if ('refused' in message) reject(new SourceError(message.refused.place, message.refused.problem));
      else if ('outlines' in message) resolve(message.outlines);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a page worker ended (exit code ${code}) before it answered`)));
    worker.ref();
    worker.postMessage(task);
  });
}

/**
 * Renders and writes pages on the main thread and, for dumps (`sourceBytes` in all) large enough,
 * on a worker thread per other core. The helpers are started now, before the papers are parsed:
 * a worker takes a while to load its code, which it does while the main thread parses. The main
 * thread then renders from the first paper on; each helper, once ready, takes its share of the
 * papers still left, from the end. Pages are written by the thread that renders them: writing
 * 10,000 files is as much work as rendering them.
 */
export function startPageWriters(sourceBytes: number): PageWriters {
  const papersAtLeast = sourceBytes / BYTES_PER_PAPER_AT_MOST;
  const helpers =
    papersAtLeast >= PARALLEL_THRESHOLD
      ? Array.from({ length: cores() - 1 }, () => startWorker(new URL('./render-worker.ts', import.meta.url)))
      : [];
  const ready = helpers.map((worker) => new Promise<void>((resolve) => worker.once('message', () => resolve())));
  // Waiting helpers do not keep the process alive: bad input in a dump ends it with the error.
  for (const worker of helpers) worker.unref();
  return {
    async write(jobs, themes, folder, onProgress) {
      let done = 0;
      const onWritten = (count: number): void => {
        done += count;
        onProgress?.(done, jobs.length);
      };
      // The main thread's part is [next, end); a helper takes the end of it.
      let next = 0;
      let end = jobs.length;
      let waiting = helpers.length;
      const shares: Share[] = [];
      helpers.forEach((worker, index) => {
        void ready[index]!.then(() => {
          // As much as each thread still to start will have, the main thread included, if all were ready now.
          const share = Math.floor((end - next) / (waiting-- + 1));
          if (share < CHUNK) return;
          end -= share;
          const task: WorkerTask = { jobs: jobs.slice(end, end + share), themes, folder };
          const outlines = runShare(worker, task, onWritten);
          // Awaited below, in the jobs' order; this keeps a refusal before then from going unhandled.
          outlines.catch(() => undefined);
          shares.push({ from: end, outlines });
        });
      });
      try {
        const compiled = compileThemes(themes);
        const outlines: PageOutline[] = [];
        while (next < end) {
          const stop = Math.min(next + CHUNK, end);
          outlines.push(...renderAndWriteShare(jobs.slice(next, stop), compiled, folder, onWritten));
          next = stop;
          await nextTurn();
        }
        shares.sort((a, b) => a.from - b.from);
        for (const share of shares) outlines.push(...(await share.outlines));
        return { outlines, threads: 1 + shares.length };
      } finally {
        // Every helper ends with the write, also when one fails: none goes on writing into a
        // staging folder that is being removed.
        await Promise.all(helpers.map((worker) => worker.terminate()));
      }
    },
  };
}
