// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { ingestOnSourceChange } from './src/integrations/ingest-on-source-change.ts';
import { offlineCache } from './src/integrations/offline-cache.ts';
import { sitemapAlias } from './src/integrations/sitemap-alias.ts';
import { BASE_PATH, SITE_URL } from './src/site.config.ts';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  outDir: process.env['OUT_DIR'] ?? './dist',
  // Component styles go inline into the pages that use them: a stylesheet link from Astro would be
  // root-absolute (/_astro/…), which does not load from disk.
  // Four pages at a time: each page waits about a millisecond for its folder and file to be written,
  // which at 10,000 papers added 8 s when pages were rendered one after the other.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // No prefetch, no dev toolbar in pages: the site loads nothing it does not show.
  devToolbar: { enabled: false },
  markdown: {
    // Sätteri, Astro's native Markdown pipeline, in plain CommonMark: no GFM autolinks or tables and
    // no smart quotes, so an abstract renders exactly as ingest wrote it (tests/build/render-pages.test.ts).
    // At 10,000 papers the remark/rehype pipeline took about 6 s longer to render the same HTML.
    processor: satteri({ features: { gfm: false, smartPunctuation: false } }),
  },
  // Search indexes and the service worker are written beside and after Astro by scripts/build.ts.
  integrations: [
    ingestOnSourceChange(),
    clientScripts(),
    // The offline page is only ever shown by the service worker, at the address the reader asked for.
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    sitemapAlias(),
    offlineCache(),
  ],
});
