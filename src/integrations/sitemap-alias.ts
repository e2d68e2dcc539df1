import { copyFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * Publishes @astrojs/sitemap's index as /sitemap.xml too, the address crawlers and people try first.
 * A sitemap index is itself a valid sitemap file. Must come after sitemap() in the integrations.
 */
export function sitemapAlias(): AstroIntegration {
  return {
    name: 'papershelf:sitemap-alias',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await copyFile(new URL('sitemap-index.xml', dir), new URL('sitemap.xml', dir));
      },
    },
  };
}
