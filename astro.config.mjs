// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
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
  build: { format: 'directory', inlineStylesheets: 'always' },
  // No prefetch, no dev toolbar in pages: the site loads nothing it does not show.
  devToolbar: { enabled: false },
  markdown: {
    // Plain CommonMark: no GFM autolinks or tables and no smart quotes, so an abstract renders
    // exactly as ingest wrote it. Heading ids come from rehype-slug.
    processor: unified({ gfm: false, smartypants: false, rehypePlugins: [rehypeSlug] }),
  },
  // Search indexes and the service worker are written after the build, by scripts/finish-site.ts.
  integrations: [
    ingestOnSourceChange(),
    clientScripts(),
    // The offline page is only ever shown by the service worker, at the address the reader asked for.
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    sitemapAlias(),
    offlineCache(),
  ],
});
