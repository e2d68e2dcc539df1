/**
 * Orders for paper lists, used by the pages at build time and by the list script in the browser,
 * so both sort the same way. Papers lacking a value go last; ties fall back to the title.
 */

import type { PaperData } from './paper.ts';

/** What sorting reads of a paper: its title, ISO date or null, and upvotes or null. */
export type SortablePaper = Pick<PaperData, 'title' | 'published' | 'upvotes'>;

export const SORT_KEYS = ['title', 'date', 'upvotes'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  title: 'Title (A–Z)',
  date: 'Newest first',
  upvotes: 'Most upvoted',
};

/** The order of localeCompare(…, 'en', { sensitivity: 'base' }), from one collator instead of one per comparison. */
const TITLE_ORDER = new Intl.Collator('en', { sensitivity: 'base' });
const byTitle = (a: SortablePaper, b: SortablePaper): number => TITLE_ORDER.compare(a.title, b.title);

function lastWhenMissing<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}

export const COMPARATORS: Record<SortKey, (a: SortablePaper, b: SortablePaper) => number> = {
  title: byTitle,
  date: (a, b) => lastWhenMissing(a.published, b.published, (x, y) => (x < y ? 1 : x > y ? -1 : 0)) || byTitle(a, b),
  upvotes: (a, b) => lastWhenMissing(a.upvotes, b.upvotes, (x, y) => y - x) || byTitle(a, b),
};

export function sortPapers<T extends SortablePaper>(papers: readonly T[], key: SortKey): T[] {
  return [...papers].sort(COMPARATORS[key]);
}

export function isSortKey(value: string | null): value is SortKey {
  return value !== null && (SORT_KEYS as readonly string[]).includes(value);
}
