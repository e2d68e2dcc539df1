// The benchmark's baseline: a bare Astro project with default settings but for the Markdown
// processor, which is the site's (plain CommonMark through remark and rehype, headings given ids),
// so that the comparison is of everything else the site does.
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';

export default defineConfig({
  outDir: './dist',
  markdown: { processor: unified({ gfm: false, smartypants: false, rehypePlugins: [rehypeSlug] }) },
});
