/**
 * `node scripts/finish-site.ts`: the build's last step, after `astro build` (OUT_DIR, default dist):
 * Pagefind's index of the papers and the index for search from disk, then the service worker, whose
 * version is a hash of everything else in the site. A process of its own, so that Astro's memory is
 * free before Pagefind takes its share: at 10,000 papers the two together would pass 2 GB.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { indexPapers, readSearchRecords } from '../src/build/search-index.ts';
import { writeWorker } from '../src/integrations/offline-cache.ts';
import { OFFLINE_READING } from '../src/site.config.ts';

const outDir = resolve(process.env['OUT_DIR'] ?? 'dist');
const started = performance.now();
const records = readSearchRecords();
const { diskIndexBytes } = await indexPapers(outDir, records);
const indexed = performance.now();
console.log(
  `search: indexed ${records.length} papers in ${Math.round(indexed - started)} ms; ` +
    `index for search from disk: ${Math.round(diskIndexBytes / 1024)} kB`,
);
if (OFFLINE_READING) {
  const { bytes, precached } = writeWorker(outDir);
  console.log(
    `offline: wrote sw.js (${bytes} bytes), precaching ${precached} files, in ${Math.round(performance.now() - indexed)} ms`,
  );
}
