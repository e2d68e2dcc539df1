/**
 * The only scripts written inline in the site's pages: fixed text, so that a
 * Content-Security-Policy can allow them by hash (src/lib/csp.ts). Minified because every page
 * carries the first (a paper page's weight is budgeted).
 */

/** Sets the colour theme before the page paints: the reader's choice from the toggle, else the system's. */
export const THEME_BEFORE_PAINT =
  "{let d=document.documentElement.dataset,m=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';try{d.theme=localStorage.getItem('papershelf-theme')??m}catch{d.theme=m}}";

/**
 * The 404 and offline pages are served at any address, so their links resolve from the site root:
 * hosted, this adds a <base> for the root named in the page's `papershelf-base` meta, before any link
 * is read; from disk (file://), where the page's own folder is the root, it adds none, so the browser
 * never asks for a file at the root of the disk.
 */
export const BASE_WHEN_HOSTED =
  "if(location.protocol!=='file:'){let b=document.createElement('base');b.href=document.querySelector('meta[name=papershelf-base]').content;document.head.prepend(b)}";

export const INLINE_SCRIPTS = [THEME_BEFORE_PAINT, BASE_WHEN_HOSTED] as const;
