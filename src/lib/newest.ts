/**
 * "Newest" for feeds: when a paper was listed, from the data alone. Dumps are named so that their
 * names sort in the order they were saved (a dump a day: `000_…`, `001_…`), and their listing dates
 * (`Mar 14`) carry no year, so a paper's place in time is the last dump that lists it; within one
 * dump, the listing's own order (its line). Nothing invents a year.
 */
import type { PaperSource } from './paper.ts';

/** The last listing of a paper: the source in the dump whose name sorts last. */
function lastListing(sources: readonly PaperSource[]): PaperSource {
  return sources.reduce((last, source) => (source.file > last.file ? source : last));
}

/** Papers from the most recently listed, as feeds show them. */
export function newestFirst<T extends { data: { sources: readonly PaperSource[] } }>(papers: readonly T[]): T[] {
  const keyed = papers.map((paper) => ({ paper, listing: lastListing(paper.data.sources) }));
  keyed.sort((a, b) =>
    a.listing.file === b.listing.file ? a.listing.line - b.listing.line : a.listing.file < b.listing.file ? 1 : -1,
  );
  return keyed.map(({ paper }) => paper);
}
