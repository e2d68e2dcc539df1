import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { writeDiskIndex } from './disk-index.ts';

/** Only paper pages are searchable. */
export const PAPER_PAGES_GLOB = 'papers/*/index.html';

/** Indexes the HTML files of a built site with Pagefind's Node API; returns the number of pages. */
export async function indexSite(outDir: string, glob = PAPER_PAGES_GLOB): Promise<number> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const indexed = await index.addDirectory({ path: outDir, glob });
  if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
  // Written here rather than by Pagefind's writeFiles: Pagefind's service answers before its last
  // writes reach the disk, so close() could leave pagefind-entry.json empty.
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
  for (const file of files) {
    const target = join(outDir, 'pagefind', file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  await close();
  return indexed.page_count;
}

/**
 * Search indexes of a built site: Pagefind's over the paper pages, then the index for search from
 * disk, which takes Pagefind's word chunks so that both find the same papers. Returns both sizes.
 */
export async function indexForSearch(outDir: string): Promise<{ pages: number; diskIndexBytes: number }> {
  const pages = await indexSite(outDir);
  return { pages, diskIndexBytes: writeDiskIndex(outDir) };
}

/**
 * Indexes the built paper pages once Astro has written them. The benchmark sets
 * PAPERSHELF_PAGEFIND=separate to time this step on its own (scripts/pagefind-index.ts).
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'papershelf:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env['PAPERSHELF_PAGEFIND'] === 'separate') return;
        const { pages, diskIndexBytes } = await indexForSearch(fileURLToPath(dir));
        logger.info(`indexed ${pages} paper pages; index for search from disk: ${Math.round(diskIndexBytes / 1024)} kB`);
      },
    },
  };
}
