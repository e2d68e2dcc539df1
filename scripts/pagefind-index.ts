/**
 * `node scripts/pagefind-index.ts <site-dir> [glob]`: the build's search indexing on its own, for the
 * benchmark. With the default glob it writes the index for search from disk too, as the build does.
 */
import { indexForSearch, indexSite, PAPER_PAGES_GLOB } from '../src/integrations/pagefind.ts';

const [dir, glob = PAPER_PAGES_GLOB] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/pagefind-index.ts <site-dir> [glob]');
if (glob === PAPER_PAGES_GLOB) {
  const { pages, diskIndexBytes } = await indexForSearch(dir);
  console.log(`pagefind: indexed ${pages} pages; index for search from disk: ${diskIndexBytes} bytes`);
} else {
  console.log(`pagefind: indexed ${await indexSite(dir, glob)} pages`);
}
