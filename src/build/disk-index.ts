import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import {
  buildDiskIndex,
  DISK_INDEX_GLOBAL,
  type DiskIndexData,
  type DiskPaper,
  type WordChunk,
} from '../client/lib/disk-search.ts';
import { sortPapers } from '../lib/paper-sort.ts';
import type { SearchRecord } from '../lib/search-record.ts';
import type { SiteFile } from './search-index.ts';
import { ALL_THEMES } from '../lib/themes-lookup.ts';

/** Where the search page finds the index from disk, inside the site. */
export const DISK_INDEX_PATH = 'search/disk-index.js';

/** Pagefind's files start with this signature before their CBOR. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * The word chunks of a Pagefind index, from its files as written into the site: the metadata file
 * is a CBOR array whose third item lists [first word, last word, file] per chunk (pagefind_web/src/metadata.rs).
 */
export function pagefindChunks(files: readonly SiteFile[]): WordChunk[] {
  const content = (path: string): Uint8Array => {
    const file = files.find((candidate) => candidate.path === path);
    if (!file) throw new Error(`the Pagefind index has no ${path}`);
    return file.content;
  };
  const entry = JSON.parse(Buffer.from(content('pagefind/pagefind-entry.json')).toString('utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const language = entry.languages['en'];
  if (!language) throw new Error('the Pagefind index has no English index');
  const bytes = gunzipSync(content(`pagefind/pagefind.${language.hash}.pf_meta`));
  if (bytes.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE)
    throw new Error('the Pagefind metadata file has an unknown format');
  const metadata = decode(bytes.subarray(PAGEFIND_SIGNATURE.length)) as unknown[];
  const chunks = metadata[2] as [string, string, string][];
  return chunks.map(([from, to]) => [from, to]);
}

/**
 * The index for search from disk, from the papers' search records (what their pages show), in
 * the site's title order as papers.json lists them; still without the word chunks of the site's
 * Pagefind index, which `diskIndexFile` adds.
 */
export function diskIndexWithoutChunks(records: readonly SearchRecord[]): DiskIndexData {
  const papers: DiskPaper[] = sortPapers(records, 'title').map((record) => ({
    slug: record.slug,
    title: record.title,
    abstract: record.text,
    themes: record.themes,
    published: record.published,
    upvotes: record.upvotes,
  }));
  return buildDiskIndex(
    papers,
    ALL_THEMES.map((theme) => theme.name),
    [],
  );
}

/** The index for search from disk as the site's file: a classic script that assigns one global. */
export function diskIndexFile(index: DiskIndexData, chunks: readonly WordChunk[]): SiteFile {
  const data: DiskIndexData = { ...index, chunks: chunks.map(([from, to]) => [from, to]) };
  return { path: DISK_INDEX_PATH, content: Buffer.from(`globalThis.${DISK_INDEX_GLOBAL} = ${JSON.stringify(data)};\n`) };
}
