/**
 * Search for the built site, as an Astro integration: Pagefind's index (pagefind/) and the index for
 * search from disk (search/disk-index.js), both from the search records ingest wrote beside the
 * pages (content/papers/search-records.json). Pagefind starts indexing as soon as a build is set up,
 * so it works while Astro loads and bundles the pages; the index for search from disk is built in a
 * worker thread while Astro renders them; both are written in `astro:build:done`. Under `astro dev`
 * the index for search from disk is served from the same records, and the search page searches
 * with it (there is no Pagefind index before a build).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { DISK_INDEX_PATH, diskIndexScript } from './disk-index.ts';
import { inWorker } from '../in-worker.ts';
import { plural } from '../text.ts';
import { pagefindRecord, readSearchRecords, SEARCH_RECORDS_FILE, type SearchRecord } from './records.ts';

/** Only paper pages are searchable. */
export const PAPER_PAGES_GLOB = 'papers/*/index.html';

/** A file of the index: its path from the site's root, and its bytes. */
interface IndexFile {
  path: string;
  content: Uint8Array;
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/**
 * The index's files, once Pagefind has built them. Taken from Pagefind rather than written by its
 * writeFiles: Pagefind's service answers before its last writes reach the disk, so close() could
 * leave pagefind-entry.json empty.
 */
async function indexFiles(index: PagefindIndex): Promise<IndexFile[]> {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
  return files.map((file) => ({ path: `pagefind/${file.path}`, content: file.content }));
}

function writeFiles(outDir: string, files: readonly IndexFile[]): void {
  for (const dir of new Set(files.map((file) => dirname(join(outDir, file.path))))) mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(outDir, file.path), file.content);
}

/** Indexes the HTML files of a built site (the benchmark's baseline indexes its pages this way). */
export async function indexSite(outDir: string, glob = PAPER_PAGES_GLOB): Promise<number> {
  try {
    const index = await newIndex();
    const indexed = await index.addDirectory({ path: outDir, glob });
    if (indexed.errors.length > 0) throw new Error(`Pagefind: ${indexed.errors.join('; ')}`);
    writeFiles(outDir, await indexFiles(index));
    return indexed.page_count;
  } finally {
    await close();
  }
}

/** Pagefind's index of the papers, from their search records: its files, with their paths from the site's root. */
export async function indexSearchRecords(records: readonly SearchRecord[]): Promise<IndexFile[]> {
  try {
    const index = await newIndex();
    const added = await Promise.all(records.map((record) => index.addCustomRecord(pagefindRecord(record))));
    const errors = added.flatMap((result) => result.errors);
    if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
    return await indexFiles(index);
  } finally {
    await close();
  }
}

const SEARCH_ENGINE_MODULE = 'virtual:papershelf/search-engine';

/** Search for the site: Pagefind's index and the index for search from disk, from `papersDir`'s search records. */
export function searchIndexes(papersDir = 'content/papers'): AstroIntegration {
  let pagefindFiles: Promise<IndexFile[]> | undefined;
  let diskIndexFile: Promise<string> | undefined;
  let papers = 0;
  const startIndexing = (): Promise<IndexFile[]> => {
    const records = readSearchRecords(papersDir);
    papers = records.length;
    pagefindFiles = indexSearchRecords(records);
    // Awaited in astro:build:done; this keeps a failure before then from going unhandled.
    pagefindFiles.catch(() => undefined);
    return pagefindFiles;
  };
  return {
    name: 'papershelf:search',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Without ingest's records the content collection stops the build with its own message.
        if (command === 'build' && existsSync(join(papersDir, SEARCH_RECORDS_FILE))) {
          // Started before Astro loads and bundles the pages, so that Pagefind is mostly done before
          // rendering starts and the two memory peaks do not meet.
          startIndexing();
        }
        const engine = command === 'dev' ? 'disk' : 'pagefind';
        const address = `${config.base.replace(/\/?$/u, '/')}${DISK_INDEX_PATH}`;
        updateConfig({
          vite: {
            plugins: [
              {
                // Which engine the search page uses (src/virtual.d.ts).
                name: 'papershelf:search-engine',
                resolveId: (id) => (id === SEARCH_ENGINE_MODULE ? `\0${SEARCH_ENGINE_MODULE}` : undefined),
                load: (id) => (id === `\0${SEARCH_ENGINE_MODULE}` ? `export default ${JSON.stringify(engine)};` : undefined),
              },
              {
                name: 'papershelf:serve-disk-index',
                configureServer(server) {
                  // Read on every request, so the page searches what ingest wrote last.
                  server.middlewares.use((request, response, next) => {
                    if (request.url?.split('?')[0] !== address) return next();
                    try {
                      const script = diskIndexScript(readSearchRecords(papersDir));
                      response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                      response.end(script);
                    } catch (error) {
                      next(error);
                    }
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:start': () => {
        // Built in a worker thread while Astro bundles and renders the pages, which keep one core
        // busy: Pagefind is mostly done by then, so the other core is free.
        // The worker reads the records file itself: copying the records over to it would cost this thread.
        diskIndexFile = inWorker<string>(new URL('./disk-index-worker.ts', import.meta.url), papersDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Not started at setup when the records were missing then: read them now, or say to run ingest.
        writeFiles(outDir, await (pagefindFiles ?? startIndexing()));
        const script = await diskIndexFile!;
        writeFiles(outDir, [{ path: DISK_INDEX_PATH, content: Buffer.from(script) }]);
        logger.info(
          `indexed ${plural(papers, 'paper')} for Pagefind; index for search from disk: ${Math.round(script.length / 1024)} kB`,
        );
      },
    },
  };
}
