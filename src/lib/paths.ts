/**
 * Links between pages are relative (`../../themes/lora/index.html`), so the same build works
 * under any BASE and from disk (file://), where a link to a folder would show a directory
 * listing. On a hosted site the client script drops the `index.html` for clean URLs.
 */

/** A page path inside the site, without base: '' for home, 'papers/<slug>/', 'styles/site.css'. */
export type SitePath = string;

/** The path of the current page inside the site: its pathname with the base removed. */
export function sitePathOf(pathname: string, base: string): SitePath {
  const withoutBase = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//u, '');
  return withoutBase;
}

/** How to get from the current page to the site root: '' at the root, '../../' two folders down. */
function rootPrefix(fromSitePath: SitePath): string {
  const depth = fromSitePath.split('/').length - 1;
  return '../'.repeat(Math.max(0, depth));
}

/** The file a site path names: a page's index.html, or the file itself. */
const fileOf = (target: SitePath): string => (target === '' || target.endsWith('/') ? `${target}index.html` : target);

/**
 * Relative links from one page to other pages or files of the site (pages end in index.html), its
 * way to the root worked out once: list pages link thousands of times.
 */
export function relativeLinker(fromSitePath: SitePath): (target: SitePath) => string {
  const prefix = rootPrefix(fromSitePath);
  return (target) => `${prefix}${fileOf(target)}`;
}

/** The absolute URL of a page on the hosted site, for canonical links, feeds and sitemaps. */
export function absoluteUrl(site: string, base: string, target: SitePath): string {
  return new URL(`${base}${target}`, site).href;
}

export const paperPath = (slug: string): SitePath => `papers/${slug}/`;
export const themePath = (id: string): SitePath => `themes/${id}/`;
