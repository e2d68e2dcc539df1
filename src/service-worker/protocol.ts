/**
 * What the pages and the service worker agree on: the worker's file, the names of its caches, the
 * key a page is cached under, and the message that asks the worker to keep pages for offline reading.
 * Pure functions, bundled into both the worker and the page scripts.
 */

/** The worker's file, at the site root so that its scope is the whole site (also under a BASE sub-path). */
export const WORKER_FILE = 'sw.js';

/** The page shown for a page that was never cached, when the reader is offline. */
export const OFFLINE_PAGE = 'offline/';

/**
 * Every page of the site carries this in its head (src/layouts/Base.astro). The worker keeps an HTML
 * response only when it has it: a captive portal's login page, answered with 200 at a page's address,
 * is not one of the site's pages and must never replace a good copy.
 */
export const PAGE_MARKER = { name: 'generator', content: 'Papershelf' } as const;
export const PAGE_MARKER_HTML = `<meta name="${PAGE_MARKER.name}" content="${PAGE_MARKER.content}">`;

/** The message a page posts to the worker: fetch and cache these absolute URLs of the site. */
export const KEEP_MESSAGE = 'papershelf:keep';
export interface KeepMessage {
  type: typeof KEEP_MESSAGE;
  urls: string[];
}

/**
 * Every cache of the site at `root` starts with this. The root is part of the name because
 * several sites can share an origin (`<owner>.github.io/<repo>/`), and caches are per origin.
 */
export const cachePrefix = (root: string): string => `papershelf:${new URL(root).pathname}:`;

/**
 * The cache key of a page or file: the address without query or fragment (a static host serves
 * the same file whatever the query, and Pagefind adds `?ts=` to bust caches), and `…/index.html`
 * as its folder, so the link from disk and the shortened link on http share one entry.
 */
export function cacheKey(url: string): string {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  if (key.pathname.endsWith('/index.html')) key.pathname = key.pathname.slice(0, -'index.html'.length);
  return key.href;
}
