// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import { atomicOutput } from './src/integrations/atomic-output.ts';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { ingestOnSourceChange } from './src/integrations/ingest-on-source-change.ts';
import { offlineCache } from './src/integrations/offline-cache.ts';
import { sitemapAlias } from './src/integrations/sitemap-alias.ts';
import { searchIndexes } from './src/lib/search/pagefind.ts';
import { BASE_PATH, SITE_URL } from './src/site.config.ts';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  outDir: process.env['OUT_DIR'] ?? './dist',
  // Component styles go inline into the pages that use them: a stylesheet link from Astro would be
  // root-absolute (/_astro/…), which does not load from disk.
  // Several pages at a time: each page waits on its folder and file being written, which adds up
  // over thousands of papers when pages are rendered one after the other.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // No prefetch, no dev toolbar in pages: the site loads nothing it does not show.
  devToolbar: { enabled: false },
  markdown: {
    // remark/rehype in plain CommonMark: no GFM autolinks or tables and no smart quotes, so an
    // abstract renders exactly as ingest wrote it (tests/build/render-pages.test.ts); rehype-slug
    // gives the page's headings their ids (papers/<slug>/#abstract).
    processor: unified({ gfm: false, smartypants: false, rehypePlugins: [rehypeSlug] }),
  },
  integrations: [
    ingestOnSourceChange(),
    clientScripts(),
    // The offline page is only ever shown by the service worker, at the address the reader asked for.
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    sitemapAlias(),
    searchIndexes(),
    // The worker's version covers every file the integrations before it write.
    offlineCache(),
    // Last: the finished site takes the place of the previous one only when all of it is written.
    atomicOutput(),
  ],
});
