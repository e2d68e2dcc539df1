/**
 * Paper lists are pages, one set per order (src/lib/list-pages.ts), so sorting and the theme filter
 * are links that work without this script. It keeps older shared addresses of the list of all
 * papers working: that page took its order and themes from the query (`papers/?sort=date&theme=lora`),
 * which now name pages of their own. Only that page loads it.
 */
import { isSortKey } from '../lib/paper-sort.ts';

/** The first page of the list at `listAddress` (its own address: the first page in title order) in `order`. */
function inOrder(listAddress: string, order: string): URL {
  if (order === 'title') return new URL(listAddress);
  return new URL(`${order}/1/${location.protocol === 'file:' ? 'index.html' : ''}`, new URL('.', listAddress));
}

const params = new URLSearchParams(location.search);
const sort = params.get('sort');
const order = isSortKey(sort) ? sort : 'title';
// A filter of several themes has no list of its own: the first theme's list is the nearest.
const theme = (params.get('theme') ?? '').split(',').find(Boolean);
// On this page (title order) each theme link is that theme's list's own address.
const list = theme
  ? document.querySelector<HTMLAnchorElement>(`[data-theme-link="${CSS.escape(theme)}"]`)
  : document.querySelector<HTMLAnchorElement>('[data-order="title"]');
if (list && (theme || order !== 'title')) location.replace(inOrder(list.href, order));
