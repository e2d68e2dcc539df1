/**
 * Gates between the steps of `npm run build` (scripts/build.ts), which runs Astro beside ingest and
 * Pagefind: each gate is a file the build script creates when a step is done, named in Astro's
 * environment. Outside that script (`astro dev`, `astro check`, a plain `astro build`) no gate is
 * set and nothing waits.
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Loader } from 'astro/loaders';

/** The file that exists once ingest has written the pages (set when Astro starts beside ingest). */
export const INGEST_DONE_ENV = 'PAPERSHELF_INGEST_DONE';
/** The file that exists once Pagefind has built its index and let go of its memory. */
export const SEARCH_INDEXED_ENV = 'PAPERSHELF_SEARCH_INDEXED';

const POLL_MS = 20;

/** Resolves once `file` exists; fails if the process that started this one has stopped. */
async function whenExists(file: string): Promise<void> {
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error(`the build that started Astro stopped before ${file} was written`);
    await sleep(POLL_MS);
  }
}

/**
 * A loader that waits for ingest before it reads the pages, when the build started Astro beside
 * ingest: Astro's start-up, about 2.5 s on one core, then overlaps ingest. Otherwise `loader` itself.
 */
export function afterIngest(loader: Loader, doneFile = process.env[INGEST_DONE_ENV]): Loader {
  if (!doneFile) return loader;
  return {
    ...loader,
    load: async (context) => {
      await whenExists(doneFile);
      await loader.load(context);
    },
  };
}

/**
 * Resolves once Pagefind, indexing beside Astro, is done. At 10,000 papers Astro needs about 0.5 GB
 * while it loads the pages, then up to 0.8 GB to bundle and 1.1 to 1.3 GB to render, and Pagefind
 * 0.8 to 0.95 GB: so Astro waits for Pagefind before it renders
 * (src/integrations/build-script-steps.ts), and the build stays under 2 GB.
 */
export async function afterSearchIndex(doneFile = process.env[SEARCH_INDEXED_ENV]): Promise<void> {
  if (doneFile) await whenExists(doneFile);
}
