/**
 * Site-wide settings, read by astro.config.mjs and the pages. The two environment variables set
 * where the site is hosted: SITE (origin, for canonical URLs, the feed and the sitemap) and
 * BASE (sub-path, e.g. `/reading-list/`).
 */
export const SITE_TITLE = 'Papershelf';
export const SITE_DESCRIPTION =
  'A reading list of machine-learning papers from Hugging Face Daily Papers, grouped by theme, searchable, and readable offline.';

/** The origin the site is served from; `npm run preview` serves at this one by default. */
export const SITE_URL = process.env['SITE'] ?? 'http://localhost:4321';

/** The sub-path the site lives under, always with leading and trailing slashes. */
export const BASE_PATH = `/${(process.env['BASE'] ?? '/').replace(/^\/+|\/+$/gu, '')}/`.replace('//', '/');

/**
 * Offline reading on the hosted site: a service worker keeps the site's shell and every page a reader
 * opens, so they open without a connection (src/service-worker/). On unless the build runs with
 * PAPERSHELF_OFFLINE=off, like SITE and BASE a choice of where and how the site is hosted. Off, the
 * build writes no worker and its pages remove one an earlier build installed.
 */
export const OFFLINE_READING = onOrOff('PAPERSHELF_OFFLINE', process.env['PAPERSHELF_OFFLINE'] ?? 'on');

function onOrOff(name: string, value: string): boolean {
  if (value !== 'on' && value !== 'off') throw new Error(`${name} must be "on" or "off", not "${value}"`);
  return value === 'on';
}

/** How many related papers each paper page lists. */
export const RELATED_COUNT = 5;
/** How many papers the home page shows as most upvoted and latest. */
export const HOME_LIST_LENGTH = 6;
/** How many of the newest papers a feed carries (feed readers expect a few dozen items, not the archive). */
export const FEED_LENGTH = 50;
/** Papers on a page of a list (a theme, all papers): pages stay light whatever the size of the reading list. */
export const PAGE_SIZE = 50;
