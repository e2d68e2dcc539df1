import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../../src/lib/ingest/pipeline.ts';

/** A hostile case: one paper rendered as the page-writing stage renders it, or dumps through the whole pure ingest. */
export type CaseTask =
  { kind: 'render'; title: string; abstract: string } | { kind: 'ingest'; sources: SourceFile[]; overridesText?: string };

/** How a case ended: written, refused as bad input (`file:line: reason`), any other error, or stopped at the time limit. */
export type CaseOutcome =
  | { status: 'ok'; ms: number }
  | { status: 'refused'; message: string; ms: number }
  | { status: 'crashed'; message: string; ms: number }
  | { status: 'timeout'; ms: number };

/**
 * Runs cases one at a time in a worker thread (case-worker.ts) and stops any that takes longer than
 * its limit, starting a fresh worker for the next: a case that hangs is a failure, not a stuck run.
 */
export class CaseRunner {
  #worker: Worker | null = null;

  run(task: CaseTask, limitMs: number): Promise<CaseOutcome> {
    const worker = (this.#worker ??= new Worker(new URL('./case-worker.ts', import.meta.url)));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanUp();
        this.#worker = null;
        void worker.terminate();
        resolve({ status: 'timeout', ms: limitMs });
      }, limitMs);
      const onMessage = (outcome: CaseOutcome): void => {
        cleanUp();
        resolve(outcome);
      };
      const onError = (error: Error): void => {
        cleanUp();
        this.#worker = null;
        reject(error);
      };
      const cleanUp = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = null;
  }
}
