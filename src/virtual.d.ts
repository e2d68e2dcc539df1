/** Build data that reaches pages as virtual modules (src/integrations/). */
declare module 'virtual:papershelf/inline-assets' {
  /** What the 404 page inlines, since it is served at any address and loads nothing by URL. */
  const assets: { css: string; script: string; icon: string };
  export default assets;
}

declare module 'virtual:papershelf/search-engine' {
  /** What the search page searches with: Pagefind in a build, the engine for search from disk under `astro dev`. */
  const engine: 'pagefind' | 'disk';
  export default engine;
}
