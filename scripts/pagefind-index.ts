/** `node scripts/pagefind-index.ts <site-dir> [glob]`: Pagefind over a built site's pages, as the benchmark's baseline indexes. */
import { indexSite, PAPER_PAGES_GLOB } from '../src/lib/search/pagefind.ts';

const [dir, glob = PAPER_PAGES_GLOB] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/pagefind-index.ts <site-dir> [glob]');
console.log(`pagefind: indexed ${await indexSite(dir, glob)} pages`);
