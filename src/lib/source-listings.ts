import { compareCodeUnits } from './ingest/compare.ts';

/** A saved listing the papers came from: its file, the date it was listed under, and how many papers it holds. */
export interface SourceListing {
  file: string;
  /** The listing date as the first paper from this file records it; null when the dump gives none. */
  listed: string | null;
  count: number;
}

/** Every dump the papers came from, in file-name order, in one pass over the papers and their sources. */
export function sourceListings(
  papers: readonly { data: { sources: readonly { file: string; listed: string | null }[] } }[],
): SourceListing[] {
  const byFile = new Map<string, SourceListing>();
  for (const paper of papers) {
    for (const file of new Set(paper.data.sources.map((source) => source.file))) {
      const listing = byFile.get(file);
      if (listing) listing.count += 1;
      else byFile.set(file, { file, listed: paper.data.sources.find((source) => source.file === file)!.listed, count: 1 });
    }
  }
  return [...byFile.values()].sort((a, b) => compareCodeUnits(a.file, b.file));
}
