import { BASE_PATH, SITE_URL } from '../site.config.ts';
import { absoluteUrl, relativeHref, sitePathOf, type SitePath } from './paths.ts';

/**
 * Link helper for a page: `link('themes/lora/')` gives the relative href from the current page.
 * The 404 page is served at any URL, so it links from the root and sets a <base> instead.
 */
export function linker(url: URL, isNotFoundPage = false): (target: SitePath) => string {
  const from = isNotFoundPage ? '' : sitePathOf(url.pathname, BASE_PATH);
  return (target) => relativeHref(from, target);
}

/** Where a page or file of the site lives on the hosted site (SITE and BASE), for canonical links, feeds and citations. */
export function hostedUrl(target: SitePath): string {
  return absoluteUrl(SITE_URL, BASE_PATH, target);
}
