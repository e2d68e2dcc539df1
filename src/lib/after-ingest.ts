import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Loader } from 'astro/loaders';

/**
 * Set by `npm run build` (scripts/build.ts) when it starts Astro while ingest is still writing the
 * pages: the file that will exist once ingest has finished.
 */
export const INGEST_DONE_ENV = 'PAPERSHELF_INGEST_DONE';

const POLL_MS = 20;

/** Resolves once `file` exists; fails if the process that started this one has stopped. */
async function whenExists(file: string): Promise<void> {
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error('the build that started Astro has stopped before ingest finished');
    await sleep(POLL_MS);
  }
}

/**
 * A loader that waits for ingest before it reads the pages, when the build started Astro beside
 * ingest (INGEST_DONE_ENV): Astro's start-up, about 2.5 s on one core, then overlaps ingest.
 * Otherwise (`astro dev`, `astro check`, a build after `npm run ingest`) it is `loader` itself.
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
