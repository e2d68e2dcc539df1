/**
 * The only scripts written inline in the site's pages: fixed text, so that a
 * Content-Security-Policy can allow them by hash (src/lib/csp.ts). Minified because every page
 * carries the first (a paper page's weight is budgeted).
 */

/** Sets the colour theme before the page paints: the reader's choice from the toggle, else the system's. */
export const THEME_BEFORE_PAINT =
  "{let d=document.documentElement.dataset,m=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';try{d.theme=localStorage.getItem('papershelf-theme')??m}catch{d.theme=m}}";

/**
 * The 404 and offline pages resolve their links through a <base> (they are served at any address);
 * opened from disk, where the page's own folder is the site root, the <base> goes before any link is read.
 */
export const DROP_BASE_FROM_DISK = "if(location.protocol==='file:')document.querySelector('base')?.remove();";

export const INLINE_SCRIPTS = [THEME_BEFORE_PAINT, DROP_BASE_FROM_DISK] as const;
