import type { AstroIntegration } from 'astro';

/** The data files' routes (src/lib/data-files.ts), by address. */
const ROUTES: [pattern: string, file: string][] = [
  ['/rss.xml', 'rss.xml.ts'],
  ['/papers.json', 'papers.json.ts'],
  ['/themes/[theme]/rss.xml', 'themes/[theme]/rss.xml.ts'],
  ['/themes/[theme]/papers.bib', 'themes/[theme]/papers.bib.ts'],
];

/**
 * Under `astro dev`, serves the feeds, BibTeX files and papers.json from routes. A build does not
 * render them: `npm run build` writes them beside Astro (scripts/build.ts), from the same functions.
 */
export function dataRoutesInDev(): AstroIntegration {
  return {
    name: 'papershelf:data-routes-in-dev',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        for (const [pattern, file] of ROUTES)
          injectRoute({ pattern, entrypoint: new URL(`../dev-routes/${file}`, import.meta.url) });
      },
    },
  };
}
