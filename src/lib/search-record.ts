/**
 * What the search index holds for each paper. Ingest writes these records next to the pages
 * (content/papers/search-records.json), so the build can index papers for Pagefind while Astro
 * renders the site, instead of re-reading every built page afterwards.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { paperPath } from './paths.ts';

/** The records file, inside content/papers/ (the collection loads only `*.md`). */
export const SEARCH_RECORDS_FILE = 'search-records.json';

export interface SearchRecord {
  slug: string;
  title: string;
  /** The abstract as plain text, as the page shows it. */
  text: string;
  /** Theme names, so a search for a theme's name finds its papers. */
  themes: string[];
  published: string | null;
  upvotes: number | null;
}

/**
 * The page Pagefind indexes for a paper: the title as heading (Pagefind ranks headings higher, as
 * on the real page), the abstract, the theme names; theme filter and the sort keys. Papers without
 * a date or upvotes get the lowest key, because Pagefind leaves pages without a key out of a sort
 * (CloudCannon/pagefind#259). Built as a syntax tree, so no text from a dump is ever parsed as HTML.
 */
export function searchRecordHtml(record: SearchRecord): string {
  return toHtml(
    h('html', { lang: 'en' }, [
      h('body', [
        h('main', { dataPagefindBody: '' }, [
          h('h1', { dataPagefindMeta: 'title' }, record.title),
          h('p', record.text),
          h('p', record.themes.join(', ')),
          ...record.themes.map((theme) => h('span', { dataPagefindFilter: 'theme', hidden: true }, theme)),
          h('span', { dataPagefindSort: `date:${record.published ?? '0000-00-00'}`, hidden: true }),
          h('span', { dataPagefindSort: `upvotes:${record.upvotes ?? 0}`, hidden: true }),
        ]),
      ]),
    ]),
  );
}

/** Where the paper's page is, from the site root (Pagefind prefixes its base URL). */
export const searchRecordUrl = (record: SearchRecord): string => `/${paperPath(record.slug)}`;
