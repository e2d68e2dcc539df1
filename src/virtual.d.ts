/** Build data that reaches pages as virtual modules (src/integrations/). */
declare module 'virtual:papershelf/search-engine' {
  /** What the search page searches with: Pagefind in a build, the engine for search from disk under `astro dev`. */
  const engine: 'pagefind' | 'disk';
  export default engine;
}
