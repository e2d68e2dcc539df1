/**
 * The index for search from disk (search/disk-index.js), built from the papers' search records
 * alone: it needs nothing of Pagefind's output, so it can be made at any point of the build.
 */
import { buildDiskIndex, DISK_INDEX_GLOBAL, type DiskIndexData } from './disk-search.ts';
import type { SearchRecord } from './records.ts';
import { sortPapers } from '../paper-sort.ts';
import { ALL_THEMES } from '../themes.ts';

/** Where the search page finds the index from disk, inside the site. */
export const DISK_INDEX_PATH = 'search/disk-index.js';

/** The index, in the site's title order as papers.json lists the papers. */
export function diskIndex(records: readonly SearchRecord[]): DiskIndexData {
  return buildDiskIndex(
    sortPapers(records, 'title'),
    ALL_THEMES.map((theme) => theme.name),
  );
}

/** The index as the site's file: a classic script that assigns one global (a browser runs classic scripts from file://). */
export function diskIndexScript(records: readonly SearchRecord[]): string {
  return `globalThis.${DISK_INDEX_GLOBAL} = ${JSON.stringify(diskIndex(records))};\n`;
}
