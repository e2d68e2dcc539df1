/**
 * `node scripts/finish-site.ts`: the build's last step, after `astro build` (OUT_DIR, default dist):
 * Pagefind's index of the papers and the index for search from disk, then the service worker, whose
 * version is a hash of everything else in the site. A process of its own, so that Astro's memory is
 * free before Pagefind takes its share: at 10,000 papers the two together would pass 2 GB.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { DISK_INDEX_PATH } from '../src/build/disk-index.ts';
import { indexPapers, readSearchRecords } from '../src/build/search-index.ts';
import { fileDigest, siteDigests, writeWorker } from '../src/integrations/offline-cache.ts';
import { OFFLINE_READING } from '../src/site.config.ts';

const outDir = resolve(process.env['OUT_DIR'] ?? 'dist');
const started = performance.now();
const records = readSearchRecords();
// The worker's version needs a digest of every file of the site: the files Astro wrote are read
// while Pagefind, in its own process, builds the index; the search files are digested as written.
const astroFiles = OFFLINE_READING
  ? siteDigests(outDir, (path) => path.startsWith('pagefind/') || path === DISK_INDEX_PATH)
  : undefined;
const searchFiles = await indexPapers(outDir, records);
const indexed = performance.now();
const diskIndex = searchFiles.find((file) => file.path === DISK_INDEX_PATH)!;
console.log(
  `search: indexed ${records.length} papers in ${Math.round(indexed - started)} ms; ` +
    `index for search from disk: ${Math.round(diskIndex.content.length / 1024)} kB`,
);
if (astroFiles) {
  const digests = await astroFiles;
  for (const file of searchFiles) digests.set(file.path, fileDigest(file.content));
  const { bytes, precached } = writeWorker(outDir, digests);
  console.log(
    `offline: wrote sw.js (${bytes} bytes), precaching ${precached} files, in ${Math.round(performance.now() - indexed)} ms`,
  );
}
