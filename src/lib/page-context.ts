import { BASE_PATH, SITE_URL } from '../site.config.ts';
import { absoluteUrl, relativeLinker, sitePathOf, type SitePath } from './paths.ts';

/**
 * Link helper for a page: `link('themes/lora/')` gives the relative href from the current page.
 * The 404 page is served at any URL, so it links from the root and sets a <base> instead.
 */
export function linker(url: URL, isNotFoundPage = false): (target: SitePath) => string {
  return relativeLinker(isNotFoundPage ? '' : sitePathOf(url.pathname, BASE_PATH));
}

const hostedUrls = new Map<SitePath, string>();

/**
 * Where a page or file of the site lives on the hosted site (SITE and BASE), for canonical links,
 * feeds and citations; each worked out once, as a paper's address is in up to eight files.
 */
export function hostedUrl(target: SitePath): string {
  let url = hostedUrls.get(target);
  if (url === undefined) {
    url = absoluteUrl(SITE_URL, BASE_PATH, target);
    hostedUrls.set(target, url);
  }
  return url;
}
