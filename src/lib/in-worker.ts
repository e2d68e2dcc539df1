import module from 'node:module';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * Starts a worker thread that loads its code from the compile cache this process uses, if it uses
 * one (Astro's CLI and ingest turn it on outside CI): a worker does not inherit a cache turned on
 * by a call unless its environment names it, and would strip the types of its TypeScript and
 * compile it anew each build. A cache named by NODE_COMPILE_CACHE reaches the worker as it is.
 */
export function startWorker(script: URL): Worker {
  const cache = process.env['NODE_COMPILE_CACHE'] ? undefined : module.getCompileCacheDir();
  return new Worker(script, cache === undefined ? {} : { env: { ...process.env, NODE_COMPILE_CACHE: cache } });
}

/**
 * Runs `script` in a worker thread, posts it `input` as its one message, and resolves with the one
 * message it posts back. For build work that can run beside Astro's rendering on another core; the
 * script is TypeScript that Node runs as is, as ingest's page writers are.
 *
 * The worker starts at once, while `input` may be a promise still: it loads its code meanwhile, so
 * work that can only start late in the build (on the written pages) does not also wait for that.
 * Until the input comes, the worker does not keep the process alive: a build that fails before then
 * still ends, and a worker whose input never comes ends with the process. An input that rejects, or
 * cannot be sent, ends the worker and rejects with that error. A failure in the worker rejects with
 * its error when the promise is awaited: it is started in one build hook and awaited in a later
 * one, so a failure before then is not reported as unhandled.
 */
export function inWorker<T>(script: URL, input: unknown): Promise<T> {
  const worker = startWorker(script);
  worker.unref();
  const { promise: answer, resolve, reject } = Promise.withResolvers<T>();
  worker.once('message', (result: T) => {
    resolve(result);
    void worker.terminate();
  });
  worker.once('error', reject);
  worker.once('exit', (code) => reject(new Error(`${script.pathname} ended (exit code ${code}) before it answered`)));
  const giveUp = (error: unknown): void => {
    reject(error);
    void worker.terminate();
  };
  Promise.resolve(input)
    .then((value) => {
      worker.postMessage(value);
      worker.ref();
    })
    .catch(giveUp);
  answer.catch(() => undefined);
  return answer;
}

/** The worker's side of inWorker, in the worker's script: answers the one message it is sent with what `work` makes of it. */
export function answerInWorker<I, O>(work: (input: I) => O): void {
  parentPort!.once('message', (input: I) => parentPort!.postMessage(work(input)));
}
