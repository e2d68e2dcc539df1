/**
 * `node scripts/finish-site.ts`: the build's last step, after `astro build` (OUT_DIR, default dist):
 * Pagefind's index of the papers and the index for search from disk, then the service worker, whose
 * version is a hash of everything else in the site. A process of its own, so that Astro's memory is
 * free before Pagefind takes its share: at 10,000 papers the two together would pass 2 GB.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { DISK_INDEX_PATH, diskIndexFile, diskIndexWithoutChunks, pagefindChunks } from '../src/build/disk-index.ts';
import { readSearchRecords, startIndexing, writeSiteFiles } from '../src/build/search-index.ts';
import { fileDigest, siteDigests, writeWorker } from '../src/integrations/offline-cache.ts';
import { OFFLINE_READING } from '../src/site.config.ts';

const outDir = resolve(process.env['OUT_DIR'] ?? 'dist');
const started = performance.now();
const records = readSearchRecords();
const indexing = await startIndexing(records);
// While Pagefind builds its index on one core: the index for search from disk, and the digests of
// the files Astro wrote, for the worker's version (the search files are digested as they are written).
const diskIndex = diskIndexWithoutChunks(records);
const digests = OFFLINE_READING
  ? await siteDigests(outDir, (path) => path.startsWith('pagefind/') || path === DISK_INDEX_PATH)
  : undefined;
const pagefindFiles = await indexing.files;
const diskIndexOnDisk = diskIndexFile(diskIndex, pagefindChunks(pagefindFiles));
const searchFiles = [...pagefindFiles, diskIndexOnDisk];
writeSiteFiles(outDir, searchFiles);
const indexed = performance.now();
console.log(
  `search: indexed ${records.length} papers in ${Math.round(indexed - started)} ms; ` +
    `index for search from disk: ${Math.round(diskIndexOnDisk.content.length / 1024)} kB`,
);
if (digests) {
  for (const file of searchFiles) digests.set(file.path, fileDigest(file.content));
  const { bytes, precached } = writeWorker(outDir, digests);
  console.log(
    `offline: wrote sw.js (${bytes} bytes), precaching ${precached} files, in ${Math.round(performance.now() - indexed)} ms`,
  );
}
