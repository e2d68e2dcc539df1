import type { DiskIndexData } from '../client/lib/disk-search.ts';
import { DISK_INDEX_PATH, diskIndexFile, pagefindChunks } from './disk-index.ts';
import { writeSiteFiles, type SiteFile } from './search-index.ts';
import { fileDigest, siteDigests, writeWorker } from '../integrations/offline-cache.ts';

export interface FinishedSite {
  /** Size of the index for search from disk, in bytes. */
  diskIndexBytes: number;
  /** The service worker written, when offline reading is on. */
  worker?: { bytes: number; precached: number };
}

/**
 * The build's last step, once Astro has written `outDir`: Pagefind's files and the index for search
 * from disk go into the site, then the service worker, whose version is a hash of every other file.
 * The search files are digested from memory as they are written, the rest read from the site.
 */
export function finishSite(options: {
  outDir: string;
  /** The index for search from disk, but for Pagefind's word chunks (diskIndexWithoutChunks). */
  diskIndex: DiskIndexData;
  pagefindFiles: readonly SiteFile[];
  offlineReading: boolean;
}): FinishedSite {
  const { outDir, diskIndex, pagefindFiles, offlineReading } = options;
  const digests = offlineReading
    ? siteDigests(outDir, (path) => path.startsWith('pagefind/') || path === DISK_INDEX_PATH)
    : undefined;
  const diskIndexOnDisk = diskIndexFile(diskIndex, pagefindChunks(pagefindFiles));
  const searchFiles = [...pagefindFiles, diskIndexOnDisk];
  writeSiteFiles(outDir, searchFiles);
  const finished: FinishedSite = { diskIndexBytes: diskIndexOnDisk.content.length };
  if (digests) {
    for (const file of searchFiles) digests.set(file.path, fileDigest(file.content));
    finished.worker = writeWorker(outDir, digests);
  }
  return finished;
}
