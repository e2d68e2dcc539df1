// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import { ingestOnSourceChange } from './src/integrations/ingest-on-source-change.ts';

export default defineConfig({
  markdown: {
    // Plain CommonMark: no GFM autolinks or tables and no smart quotes, so an abstract renders
    // exactly as ingest wrote it. Heading ids come from rehype-slug.
    processor: unified({ gfm: false, smartypants: false, rehypePlugins: [rehypeSlug] }),
  },
  integrations: [ingestOnSourceChange()],
});
