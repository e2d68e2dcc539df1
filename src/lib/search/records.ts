/**
 * What the search index holds for each paper. Ingest writes these records next to the pages
 * (content/papers/search-records.json), so the build can index papers for Pagefind while Astro
 * renders the site, instead of re-reading every built page afterwards.
 */
import { escapeAttribute, escapeText } from 'entities';
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

/**
 * The page Pagefind indexes for a paper: the title as heading (Pagefind ranks headings higher, as
 * on the real page), the abstract, the theme names as metadata; theme filter and the sort keys. Papers without
 * a date or upvotes get the lowest key, because Pagefind leaves pages without a key out of a sort
 * (CloudCannon/pagefind#259). Every value is escaped, so no text from a dump is ever read as HTML;
 * written as a string because the build makes one per paper while it renders the site.
 */
export function searchRecordHtml(record: SearchRecord): string {
  const hidden = (attribute: string, value: string): string => `<span hidden ${attribute}="${escapeAttribute(value)}"></span>`;
  return [
    '<html lang="en"><body><main data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeText(record.title)}</h1>`,
    `<p>${escapeText(record.text)}</p>`,
    // Theme names are searchable words (metadata), but stay out of the text excerpts are cut from.
    hidden('data-pagefind-meta', `themes:${record.themes.join(', ')}`),
    ...record.themes.map((theme) => `<span hidden data-pagefind-filter="theme">${escapeText(theme)}</span>`),
    hidden('data-pagefind-sort', `date:${record.published ?? '0000-00-00'}`),
    hidden('data-pagefind-sort', `upvotes:${record.upvotes ?? 0}`),
    '</main></body></html>',
  ].join('');
}

/** Where the paper's page is, from the site root (Pagefind prefixes its base URL). */
export const searchRecordUrl = (record: SearchRecord): string => `/${paperPath(record.slug)}`;
