/** `node scripts/pagefind-index.ts <site-dir> [glob]`: the build's Pagefind step on its own, for the benchmark. */
import { indexSite, PAPER_PAGES_GLOB } from '../src/integrations/pagefind.ts';

const [dir, glob = PAPER_PAGES_GLOB] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/pagefind-index.ts <site-dir> [glob]');
console.log(`pagefind: indexed ${await indexSite(dir, glob)} pages`);
