/**
 * `npm run build`: ingest (scripts/ingest.ts), Astro, and Pagefind, each on the core the others leave
 * idle; then the search files and the service worker (src/build/finish-site.ts). Into OUT_DIR
 * (default dist). Astro waits at two gates (src/lib/build-gates.ts):
 *
 * - Small dumps are ingested on one core: Astro starts at once and spends its start-up (about 2.5 s
 *   on one core) beside ingest; its papers' loader waits for ingest's pages. Large dumps are
 *   ingested on every core, so Astro starts after them.
 * - Pagefind indexes the search records ingest wrote, not the built pages, so it runs beside Astro
 *   from the moment ingest is done, while Astro starts, loads the pages and bundles. Astro renders
 *   only once Pagefind is done: at 10,000 papers Astro reaches 1.1 to 1.3 GB while it renders and
 *   Pagefind 0.8 to 0.95 GB, and together they would pass 2 GB.
 * - Then, while Astro renders, the index for search from disk is made from the same records.
 *
 * With PAPERSHELF_BUILD_TIMINGS=<file>, writes each step's wall time there as JSON (for the benchmark).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SiteFile } from '../src/build/search-index.ts';
import { INGEST_DONE_ENV, SEARCH_INDEXED_ENV } from '../src/lib/build-gates.ts';
import { rendersInParallel } from '../src/lib/ingest/parallelism.ts';
import { OFFLINE_READING } from '../src/site.config.ts';

/** What the build needs once ingest is done, loaded meanwhile: Pagefind, esbuild and the indexes take half a second. */
const finishing = Promise.all([
  import('../src/build/disk-index.ts'),
  import('../src/build/finish-site.ts'),
  import('../src/build/search-index.ts'),
]);
finishing.catch(() => undefined); // reported where it is awaited

const REPO = resolve(import.meta.dirname, '..');
const ASTRO = join(REPO, 'scripts/astro-build.ts');
const INGEST = join(REPO, 'scripts/ingest.ts');
const root = process.cwd();
const outDir = resolve(process.env['OUT_DIR'] ?? 'dist');

/**
 * Astro's bundler (Rolldown) allocates through mimalloc, which by default keeps memory it has freed:
 * at 10,000 papers Astro then held 0.15 to 0.2 GB more while Pagefind, beside it, was at its peak.
 * Purging at once (a documented mimalloc option) hands it back.
 */
const ASTRO_ENV = { MIMALLOC_PURGE_DELAY: '0' };

/** A build step that failed: its own output has said why. */
class StepFailed extends Error {}

/** Runs a Node script as a step of its own, its output passed through; resolves when it succeeds. */
function runStep(
  name: string,
  args: string[],
  options: { signal?: AbortSignal; env?: Record<string, string> } = {},
): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, ...options.env },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    child.on('error', (error) => fail(options.signal?.aborted ? new StepFailed(`${name} stopped`) : error));
    child.on('close', (code) => (code === 0 ? done() : fail(new StepFailed(`${name} failed (exit code ${code})`))));
  });
}

/** Bytes of the dumps ingest will read (none when the folder is missing: ingest then says so). */
function sourceBytes(): number {
  const sources = join(root, 'content/sources');
  if (!existsSync(sources)) return 0;
  return readdirSync(sources)
    .filter((name) => name.endsWith('.txt'))
    .reduce((sum, name) => sum + statSync(join(sources, name)).size, 0);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Stops Astro when any step fails: it may be waiting at a gate that will not open. */
const stopAstro = new AbortController();

async function main(): Promise<void> {
  const started = performance.now();
  const ingestDone = join(signals, 'ingested');
  const searchIndexed = join(signals, 'indexed');
  const startAstro = (env: Record<string, string>): { startedAt: number; done: Promise<number> } => {
    const startedAt = performance.now();
    const done = runStep('astro build', [ASTRO], { signal: stopAstro.signal, env: { ...ASTRO_ENV, ...env } }).then(() =>
      performance.now(),
    );
    // Handled where it is awaited; this keeps an early failure from ending the process unreported.
    done.catch(() => undefined);
    return { startedAt, done };
  };

  let astro: { startedAt: number; done: Promise<number> } | undefined;
  if (!rendersInParallel(sourceBytes())) {
    astro = startAstro({ [INGEST_DONE_ENV]: ingestDone, [SEARCH_INDEXED_ENV]: searchIndexed });
    await runStep('ingest', [INGEST]).catch((error: unknown) => {
      stopAstro.abort();
      throw error;
    });
    writeFileSync(ingestDone, '');
  } else {
    await runStep('ingest', [INGEST]);
  }
  const ingested = performance.now();
  astro ??= startAstro({ [SEARCH_INDEXED_ENV]: searchIndexed });

  const [{ diskIndexWithoutChunks }, { finishSite }, { readSearchRecords, indexSearchRecords, stopIndexing }] = await finishing;
  const records = readSearchRecords(join(root, 'content/papers'));
  let indexedAt = 0;
  const pagefindFiles: Promise<SiteFile[]> = indexSearchRecords(records).then((files) => {
    indexedAt = performance.now();
    // Pagefind has stopped and let go of its memory: Astro may render its pages.
    writeFileSync(searchIndexed, '');
    return files;
  });
  // Whichever fails first stops the other, and its error is the one reported.
  let indexingError: unknown;
  pagefindFiles.catch((error: unknown) => {
    indexingError = error;
    stopAstro.abort();
  });
  // Made once Pagefind is done, while Astro renders on one core: the build script's memory stays
  // small while Pagefind's is at its peak.
  const diskIndex = pagefindFiles.then(() => diskIndexWithoutChunks(records));
  diskIndex.catch(() => undefined); // Pagefind's failure is reported above
  const rendered = await astro.done.catch(async (error: unknown) => {
    if (indexingError) throw indexingError;
    await stopIndexing();
    throw error;
  });

  // Pagefind is done by now: Astro renders only after it (src/integrations/build-script-steps.ts).
  const finished = finishSite({
    outDir,
    diskIndex: await diskIndex,
    pagefindFiles: await pagefindFiles,
    offlineReading: OFFLINE_READING,
  });
  const done = performance.now();
  const timings = {
    ingestMs: ingested - started,
    astroMs: rendered - astro.startedAt,
    pagefindMs: indexedAt - ingested,
    finishMs: done - Math.max(rendered, indexedAt),
    totalMs: done - started,
  };
  console.log(
    `search: indexed ${records.length} papers in ${seconds(timings.pagefindMs)} beside Astro; ` +
      `index for search from disk: ${Math.round(finished.diskIndexBytes / 1024)} kB`,
  );
  if (finished.worker)
    console.log(`offline: wrote sw.js (${finished.worker.bytes} bytes), precaching ${finished.worker.precached} files`);
  console.log(
    `build: ${records.length} papers in ${seconds(timings.totalMs)} (ingest ${seconds(timings.ingestMs)}, ` +
      `astro ${seconds(timings.astroMs)}, finishing ${seconds(timings.finishMs)})`,
  );
  const timingsFile = process.env['PAPERSHELF_BUILD_TIMINGS'];
  if (timingsFile) writeFileSync(timingsFile, `${JSON.stringify(timings)}\n`);
}

/** Where the build leaves the files that tell Astro ingest and Pagefind are done (src/lib/build-gates.ts). */
const signals = mkdtempSync(join(tmpdir(), 'papershelf-build-'));
main()
  .catch((error: unknown) => {
    stopAstro.abort();
    // A failed step has printed its own error (file and line for bad input); anything else is ours.
    console.error(error instanceof StepFailed ? `build: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(signals, { recursive: true, force: true }));
