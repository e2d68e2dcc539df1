/**
 * Lists of papers (a theme, all papers) as pages: each order is a set of pages of its own, so that
 * sorting orders every paper of the list, not one page, and a page's address says its order and
 * number (`themes/lora/date/2/`). Links work from disk and keep clean URLs on a host, as everywhere.
 * The first page in title order is the list's own address (`themes/lora/`, `papers/`), as before
 * lists were paged. Other pages sit two folders down, so they never meet a paper's page
 * (`papers/<slug>/`).
 */
import { PAGE_SIZE } from '../site.config.ts';
import { SORT_KEYS, sortPapers, type SortablePaper, type SortKey } from './paper-sort.ts';
import type { SitePath } from './paths.ts';

export interface ListPage<T> {
  order: SortKey;
  /** From 1. */
  page: number;
  pages: number;
  /** Papers in the whole list. */
  total: number;
  /** Where the first paper of this page is in the whole list, from 0. */
  offset: number;
  papers: T[];
}

/** The address of a page of the list at `listPath`. */
export const listPagePath = (listPath: SitePath, order: SortKey, page: number): SitePath =>
  order === 'title' && page === 1 ? listPath : `${listPath}${order}/${page}/`;

/** Page `page` (from 1) of a list already sorted in `order`. */
function pageOf<T>(sorted: readonly T[], order: SortKey, page: number, pageSize: number): ListPage<T> {
  const offset = (page - 1) * pageSize;
  return {
    order,
    page,
    pages: Math.max(1, Math.ceil(sorted.length / pageSize)),
    total: sorted.length,
    offset,
    papers: sorted.slice(offset, offset + pageSize),
  };
}

/** Every page of a list, each order a set of pages of `pageSize` papers; an empty list still has its first page. */
export function listPages<T extends SortablePaper>(papers: readonly T[], pageSize = PAGE_SIZE): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(papers.length / pageSize));
  return SORT_KEYS.flatMap((order) => {
    const sorted = sortPapers(papers, order);
    return Array.from({ length: pages }, (_, index) => pageOf(sorted, order, index + 1, pageSize));
  });
}

/** The first page in title order alone: the list's own address, without sorting the other orders. */
export function firstListPage<T extends SortablePaper>(papers: readonly T[], pageSize = PAGE_SIZE): ListPage<T> {
  return pageOf(sortPapers(papers, 'title'), 'title', 1, pageSize);
}

/** Whether a page is the list's own address (the routes for the other pages leave it out). */
export const isFirstPage = (page: Pick<ListPage<unknown>, 'order' | 'page'>): boolean =>
  page.order === 'title' && page.page === 1;

/** The page numbers a pager links to: the first and last, and two either side of the current one; null marks a gap. */
export function pagerNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((number) => number >= 1 && number <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((number, index) => (index > 0 && number - shown[index - 1]! > 1 ? [null, number] : [number]));
}
