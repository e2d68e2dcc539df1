/**
 * What the search indexes hold for each paper. Ingest writes these records next to the pages
 * (content/papers/search-records.json), so the build indexes papers for Pagefind while Astro
 * renders the site, instead of re-reading every built page afterwards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperData } from '../paper.ts';
import { paperPath } from '../paths.ts';

/** The records file, inside content/papers/ (the collection loads only `*.md`). */
export const SEARCH_RECORDS_FILE = 'search-records.json';

export type SearchRecord = Pick<PaperData, 'slug' | 'title' | 'published' | 'upvotes'> & {
  /** The abstract as plain text, as the page shows it. */
  text: string;
  /** Theme names (not ids), so a search for a theme's name finds its papers. */
  themes: string[];
};

/** What Pagefind's addCustomRecord takes (its types are not exported by name). */
export interface PagefindRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * What Pagefind indexes for a paper, as a custom record of plain text (never read as HTML): the
 * abstract is the content, so a result's excerpt always comes from it; the title and theme names
 * are metadata, searchable and ranked, but never the excerpt; the theme filter and the sort keys.
 * Papers without a date or upvotes get the lowest key, because Pagefind leaves records without a
 * key out of a sort (CloudCannon/pagefind#259).
 */
export function pagefindRecord(record: SearchRecord): PagefindRecord {
  return {
    url: `/${paperPath(record.slug)}`,
    content: record.text,
    language: 'en',
    meta: { title: record.title, themes: record.themes.join(', ') },
    filters: { theme: record.themes },
    sort: { date: record.published ?? '0000-00-00', upvotes: String(record.upvotes ?? 0) },
  };
}

/** The search records ingest wrote beside the pages, or an error that says to run ingest. */
export function readSearchRecords(papersDir: string): SearchRecord[] {
  const file = join(papersDir, SEARCH_RECORDS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: run npm run ingest first`);
  }
  return JSON.parse(text) as SearchRecord[];
}
