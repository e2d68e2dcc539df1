import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/**
 * Pagefind's index of the papers, from the search records ingest wrote (a small page per paper, as
 * searchRecordHtml gives it); then the index for search from disk, which takes Pagefind's word
 * chunks so that both find the same papers.
 */
export async function indexPapers(outDir: string, records: readonly SearchRecord[]): Promise<{ diskIndexBytes: number }> {
  // Pagefind reads a folder of small files far faster (in parallel, in its own process) than it takes
  // the same pages one message at a time: 10,000 papers took 23 s that way.
  const pages = mkdtempSync(join(tmpdir(), 'papershelf-search-'));
  try {
    for (const record of records) {
      const page = join(pages, searchRecordUrl(record), 'index.html');
      mkdirSync(dirname(page), { recursive: true });
      writeFileSync(page, searchRecordHtml(record));
    }
    const index = await newIndex();
    const indexed = await index.addDirectory({ path: pages, glob: PAPER_PAGES_GLOB });
    if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
    if (indexed.page_count !== records.length)
      throw new Error(`Pagefind indexed ${indexed.page_count} of ${records.length} papers`);
    await writeIndex(index, outDir);
  } finally {
    rmSync(pages, { recursive: true, force: true });
  }
  return { diskIndexBytes: writeDiskIndex(outDir, records) };
}

/** The search records ingest wrote beside the pages, or a clear error when they are missing. */
export function readSearchRecords(papersDir = 'content/papers'): SearchRecord[] {
  const file = join(papersDir, SEARCH_RECORDS_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SearchRecord[];
  } catch (error) {
    throw new Error(`${file} is missing or damaged: run npm run ingest (${String(error)})`);
  }
}
