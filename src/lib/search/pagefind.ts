import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { memoryFolderWithRoom } from './memory-folder.ts';
import { SEARCH_RECORDS_FILE, searchRecordHtml, searchRecordUrl, type SearchRecord } from '../lib/search-record.ts';

/** Only paper pages are searchable. */
export const PAPER_PAGES_GLOB = 'papers/*/index.html';

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** A file the finishing step writes into the site: its path from the site's root, and its bytes. */
export interface SiteFile {
  path: string;
  content: Uint8Array;
}

/**
 * The index's files, once Pagefind has built them, with their paths from the site's root. Taken
 * from Pagefind rather than written by its writeFiles: Pagefind's service answers before its last
 * writes reach the disk, so close() could leave pagefind-entry.json empty.
 */
async function indexFiles(index: PagefindIndex): Promise<SiteFile[]> {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
  await close();
  return files.map((file) => ({ path: `pagefind/${file.path}`, content: file.content }));
}

/** Stops Pagefind, when the build fails before its index is needed. */
export async function stopIndexing(): Promise<void> {
  await close();
}

/** Writes files into the site, with their folders. */
export function writeSiteFiles(outDir: string, files: readonly SiteFile[]): void {
  for (const dir of new Set(files.map((file) => dirname(join(outDir, file.path))))) mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(outDir, file.path), file.content);
}

/** Indexes the HTML files of a built site (the benchmark's baseline indexes its pages this way). */
export async function indexSite(outDir: string, glob = PAPER_PAGES_GLOB): Promise<number> {
  const index = await newIndex();
  const indexed = await index.addDirectory({ path: outDir, glob });
  if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
  writeSiteFiles(outDir, await indexFiles(index));
  return indexed.page_count;
}

/** Space a scratch page takes in memory at most: its text, in 4 kB pages, and its folder. */
const SCRATCH_BYTES_PER_PAGE = 16 * 1024;

/** A scratch folder for `pages` short-lived files: in memory where the system has room for them, else in its temporary folder. */
function scratchFolder(pages: number): string {
  return mkdtempSync(join(memoryFolderWithRoom(pages * SCRATCH_BYTES_PER_PAGE) ?? tmpdir(), 'papershelf-search-'));
}

/**
 * Pagefind's index of the papers, from the search records ingest wrote (a small page per paper, as
 * searchRecordHtml gives it): its files, with their paths from the site's root.
 */
export async function indexSearchRecords(records: readonly SearchRecord[]): Promise<SiteFile[]> {
  // Pagefind reads a folder of small files far faster (in parallel, in its own process) than it takes
  // the same pages one message at a time: 10,000 papers took 6 to 23 s that way.
  const pages = scratchFolder(records.length);
  let index: PagefindIndex;
  try {
    for (const record of records) {
      const page = join(pages, searchRecordUrl(record), 'index.html');
      mkdirSync(dirname(page), { recursive: true });
      writeFileSync(page, searchRecordHtml(record));
    }
    index = await newIndex();
    const indexed = await index.addDirectory({ path: pages, glob: PAPER_PAGES_GLOB });
    if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
    if (indexed.page_count !== records.length)
      throw new Error(`Pagefind indexed ${indexed.page_count} of ${records.length} papers`);
  } finally {
    // Once Pagefind has read them, while it builds its index.
    rmSync(pages, { recursive: true, force: true });
  }
  return indexFiles(index);
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
