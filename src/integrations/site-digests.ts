/**
 * Digests of the files of a built site, for the service worker's version (offline-cache.ts). Most
 * of a site's bytes are its pages, which are final once Astro has written them: their digests are
 * taken in a worker thread while the other integrations write theirs, and reused at the end for
 * every file still the same size and modification time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_FILE } from '../service-worker/protocol.ts';

/**
 * What `read` returns, or undefined for a file or folder that is gone: the digests of the pages are
 * taken while Astro removes its own working files from the same folder. A file gone by the final
 * pass is not part of the site.
 */
function ifPresent<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface FileDigest {
  size: number;
  mtimeMs: number;
  digest: string;
}

/** Files of a built site, as paths from its root, under `prefix`; without the service worker itself. */
export function siteFiles(dir: string, prefix = '', found: string[] = []): string[] {
  const entries = ifPresent(() => readdirSync(join(dir, prefix), { withFileTypes: true })) ?? [];
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) siteFiles(dir, `${path}/`, found);
    else if (entry.isFile() && path !== WORKER_FILE) found.push(path);
  }
  return found;
}

/**
 * The digest of every file of the site in `dir`, read one after another (the site was just written,
 * so its files are in memory). A file `known` has a digest for, at the same size and modification
 * time, keeps it; any other is read. A file is looked at before it is read, so one rewritten while
 * it is read shows a later time to the next call.
 */
export function siteDigests(dir: string, known: ReadonlyMap<string, FileDigest> = new Map()): Map<string, FileDigest> {
  const digests = new Map<string, FileDigest>();
  for (const path of siteFiles(dir)) {
    const file = join(dir, path);
    const digest = ifPresent((): FileDigest => {
      const { size, mtimeMs } = statSync(file);
      const before = known.get(path);
      if (before && before.size === size && before.mtimeMs === mtimeMs) return before;
      return { size, mtimeMs, digest: createHash('sha256').update(readFileSync(file)).digest('hex') };
    });
    if (digest) digests.set(path, digest);
  }
  return digests;
}
