import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { inWorker } from '../lib/in-worker.ts';
import { OFFLINE_PAGE, WORKER_FILE } from '../service-worker/protocol.ts';
import { CLASSIC_SCRIPT } from './client-scripts.ts';
import { siteDigests, siteFiles, type FileDigest } from './site-digests.ts';
import { OFFLINE_READING } from '../site.config.ts';

const WORKER_SOURCE = resolve('src/service-worker/worker.ts');

/** The shell, precached when the worker installs: these pages (by the folder address they are cached under)… */
const SHELL_PAGES = ['', 'themes/', 'papers/', 'search/', 'about/', OFFLINE_PAGE];
/** …these when the site has them… */
const OPTIONAL_SHELL_PAGES = ['saved/'];
/** …these files, and every file in these folders. */
const SHELL_FILES = ['404.html', 'favicon.svg'];
const SHELL_FOLDERS = ['styles/', 'scripts/'];
/** Search from disk's engine runs only from file://, where no service worker does. */
const NOT_IN_SHELL = new Set(['scripts/disk-search.js']);

/** The shell of a built site, as paths from its root; fails when a page or file it must have is missing. */
export function shellPaths(dir: string): string[] {
  const required = [...SHELL_PAGES.map((page) => `${page}index.html`), ...SHELL_FILES];
  const missing = required.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) throw new Error(`offline cache: the built site has no ${missing.join(', ')}`);
  return [
    ...SHELL_PAGES,
    ...OPTIONAL_SHELL_PAGES.filter((page) => existsSync(join(dir, page, 'index.html'))),
    ...SHELL_FILES,
    ...SHELL_FOLDERS.flatMap((folder) =>
      readdirSync(join(dir, folder))
        .sort()
        .map((name) => `${folder}${name}`)
        .filter((path) => !NOT_IN_SHELL.has(path)),
    ),
  ];
}

/**
 * The build's version: a hash of the digests of every file of the built site in `dir` but the
 * worker, with their paths, and of the worker's code. It covers every file the worker may cache
 * (Pagefind's too, whose names change when its index does), so a redeploy that changes any of them
 * installs a new worker and a new cache, and offline a reader never mixes two builds; identical
 * sources give the same version. `known`: digests taken earlier in the build (siteDigests).
 */
export function siteVersion(dir: string, workerCode: string, known?: ReadonlyMap<string, FileDigest>): string {
  const digests = siteDigests(dir, known);
  const hash = createHash('sha256');
  const paths = [...digests.keys()].sort();
  for (const path of paths) hash.update(`${path}\0${digests.get(path)!.digest}\0`);
  return hash.update(workerCode).digest('hex').slice(0, 16);
}

/**
 * The worker as one classic script, with the build's version and shell written in. Asynchronous:
 * esbuild's service, already running for the client scripts, compiles it, where the synchronous
 * API starts a process of its own each time.
 */
export async function compileWorker(version: string, shell: readonly string[], search: readonly string[] = []): Promise<string> {
  const result = await build({
    ...CLASSIC_SCRIPT,
    entryPoints: [WORKER_SOURCE],
    write: false,
    define: {
      __PAPERSHELF_VERSION__: JSON.stringify(version),
      __PAPERSHELF_SHELL__: JSON.stringify(shell),
      __PAPERSHELF_SEARCH__: JSON.stringify(search),
    },
  });
  return result.outputFiles[0]!.text;
}

/**
 * Pagefind's files that a search needs whatever is searched (its script, entry, WebAssembly, page
 * metadata, filters and word index), without the per-paper fragments and Pagefind's own UI, which
 * the site does not use. A new build renames most of them when its index changes, so the worker
 * fetches them again on a deploy for a reader who has searched: the earlier searches then still
 * run offline (fragments keep their names while their paper is unchanged, and are fetched again by
 * address like any page).
 */
function searchIndexPaths(root: string): string[] {
  if (!existsSync(join(root, 'pagefind'))) return [];
  return siteFiles(root, 'pagefind/').filter((path) => !/^pagefind\/(?:fragment\/|.*-ui\.|pagefind-highlight)/u.test(path));
}

/**
 * Writes the service worker to the root of a built site, its version a hash of everything else in
 * it. Returns its size and how many files it precaches.
 */
export async function writeWorker(
  root: string,
  known?: ReadonlyMap<string, FileDigest>,
): Promise<{ bytes: number; precached: number }> {
  const worker = await workerFor(root, known);
  writeFileSync(join(root, WORKER_FILE), worker);
  return { bytes: worker.length, precached: shellPaths(root).length };
}

/** The worker for the built site in `root`, its version a hash of every other file of it. */
export async function workerFor(root: string, known?: ReadonlyMap<string, FileDigest>): Promise<string> {
  const shell = shellPaths(root);
  const search = searchIndexPaths(root);
  return compileWorker(siteVersion(root, await compileWorker('', shell, search), known), shell, search);
}

/**
 * Offline reading on the hosted site (OFFLINE_READING in src/site.config.ts): adds the offline page,
 * tells the pages whether there is a worker to register, and writes the worker once every other
 * file of the site exists. It must come last in the integrations: Astro runs their
 * `astro:build:done` hooks in order, and the worker's version covers the files the others write.
 */
export function offlineCache(enabled = OFFLINE_READING): AstroIntegration {
  let pageDigests: Promise<Map<string, FileDigest>> | undefined;
  let pagesWritten: PromiseWithResolvers<string> | undefined;
  return {
    name: 'papershelf:offline-cache',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        // Tells Base.astro whether pages have a worker to register (not under `astro dev`, which builds none).
        updateConfig({ vite: { define: { __PAPERSHELF_OFFLINE_WORKER__: JSON.stringify(enabled && command === 'build') } } });
        if (enabled)
          injectRoute({
            pattern: `/${OFFLINE_PAGE}`,
            entrypoint: new URL('../service-worker/OfflinePage.astro', import.meta.url),
          });
      },
      'astro:build:start': () => {
        if (!enabled) return;
        // Started now, so that its code is loaded by the time the pages are written.
        pagesWritten = Promise.withResolvers<string>();
        pageDigests = inWorker(new URL('./site-digests-worker.ts', import.meta.url), pagesWritten.promise);
      },
      'astro:build:generated': ({ dir }) => {
        // The pages are written: their digests are taken on another core while the integrations
        // before this one write their files in astro:build:done.
        pagesWritten?.resolve(fileURLToPath(dir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled) return;
        const root = fileURLToPath(dir);
        const { bytes, precached } = await writeWorker(root, await pageDigests);
        logger.info(`wrote ${WORKER_FILE} (${bytes} bytes), precaching ${precached} files`);
      },
    },
  };
}
