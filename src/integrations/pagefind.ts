import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { SEARCH_RECORDS_FILE, searchRecordHtml, searchRecordUrl, type SearchRecord } from '../lib/search-record.ts';
import { writeDiskIndex } from './disk-index.ts';

/** Only paper pages are searchable. */
export const PAPER_PAGES_GLOB = 'papers/*/index.html';

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/**
 * Writes the index into the site. Written here rather than by Pagefind's writeFiles: Pagefind's
 * service answers before its last writes reach the disk, so close() could leave pagefind-entry.json empty.
 */
async function writeIndex(index: PagefindIndex, outDir: string): Promise<void> {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
  for (const file of files) {
    const target = join(outDir, 'pagefind', file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  await close();
}

/** Indexes the HTML files of a built site (the benchmark's baseline indexes its pages this way). */
export async function indexSite(outDir: string, glob = PAPER_PAGES_GLOB): Promise<number> {
  const index = await newIndex();
  const indexed = await index.addDirectory({ path: outDir, glob });
  if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
  await writeIndex(index, outDir);
  return indexed.page_count;
}

/** Adds every paper's search record to a new index, in file order so the index is the same every build. */
async function indexRecords(records: readonly SearchRecord[]): Promise<PagefindIndex> {
  const index = await newIndex();
  const added = await Promise.all(
    records.map((record) => index.addHTMLFile({ url: searchRecordUrl(record), content: searchRecordHtml(record) })),
  );
  const errors = added.flatMap((result) => result.errors);
  if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
  return index;
}

/**
 * Search over the papers. Pagefind's indexing starts as soon as the build starts, from the records
 * ingest wrote, and runs in Pagefind's own process while Astro renders the pages; once the pages are
 * done its files are written into the site, then the index for search from disk, which takes
 * Pagefind's word chunks so that both find the same papers.
 */
export function pagefind(): AstroIntegration {
  let building = false;
  let indexing: Promise<PagefindIndex> | undefined;
  let records: SearchRecord[] = [];
  let started = 0;
  return {
    name: 'papershelf:pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': () => {
        if (!building) return;
        started = performance.now();
        const file = join('content/papers', SEARCH_RECORDS_FILE);
        try {
          records = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord[];
        } catch (error) {
          throw new Error(`${file} is missing or damaged: run npm run ingest (${String(error)})`);
        }
        indexing = indexRecords(records);
        // Reported when the build is done; until then a failure must not go unhandled.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) return;
        const outDir = fileURLToPath(dir);
        const pagesDone = performance.now();
        await writeIndex(await indexing, outDir);
        const finished = performance.now();
        logger.info(
          `indexed ${records.length} papers in ${Math.round(finished - started)} ms, alongside the pages; ` +
            `the build waited ${Math.round(finished - pagesDone)} ms for it`,
        );
        const diskIndexBytes = writeDiskIndex(outDir);
        logger.info(
          `index for search from disk: ${Math.round(diskIndexBytes / 1024)} kB in ${Math.round(performance.now() - finished)} ms`,
        );
      },
    },
  };
}
