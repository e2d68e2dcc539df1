import { paperPath } from '../../lib/paths.ts';

/**
 * A paper page's address, from the site root: its folder on a hosted site, its index.html from disk
 * (file://), where a folder would open as a directory listing.
 */
export function paperUrl(slug: string, siteRoot: URL): URL {
  return new URL(`${paperPath(slug)}${location.protocol === 'file:' ? 'index.html' : ''}`, siteRoot);
}
