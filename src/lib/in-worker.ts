import { Worker } from 'node:worker_threads';

/**
 * Runs `script` in a worker thread with `input` as its workerData, and resolves with the one message
 * it posts back. For build work that can run beside Astro's rendering on another core; the script
 * is TypeScript that Node runs as is, as ingest's page writers are. A failure in the worker rejects
 * with its error when the promise is awaited: it is started in one build hook and awaited in a later
 * one, so a failure before then is not reported as unhandled.
 */
export function inWorker<T>(script: URL, input: unknown): Promise<T> {
  const answer = new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${script.pathname} ended (exit code ${code}) before it answered`)));
  });
  answer.catch(() => undefined);
  return answer;
}
