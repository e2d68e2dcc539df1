import { normalizeSpace } from './abstract-text.ts';
import { compareCodeUnits } from './compare.ts';
import type { DumpEntry } from './parse-dump.ts';
import { SourceError, formatPlace, type SourcePlace } from './source-error.ts';

export interface PaperSource extends SourcePlace {
  /** The listing date of the dump the entry came from (`Mar 14`), when it has one. */
  listed: string | null;
}

/** One paper after merging every copy of it across the dumps. */
export interface MergedPaper {
  /** Identity of the paper: its title without case, spacing or punctuation. */
  key: string;
  title: string;
  /** Scraped abstract with white space collapsed; TeX residue is rendered later, on display. */
  abstract: string;
  authors: number | null;
  published: string | null;
  publishedText: string | null;
  upvotes: number | null;
  /** Every place the paper was listed, ordered by file and line. */
  sources: PaperSource[];
}

/** Two titles name the same paper when they match ignoring case, spacing and punctuation. */
export function titleKey(title: string): string {
  const folded = title.normalize('NFKC').toLowerCase();
  const letters = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  return letters === '' ? normalizeSpace(folded) : letters;
}

const byPlace = (a: SourcePlace, b: SourcePlace): number => compareCodeUnits(a.file, b.file) || a.line - b.line;

/**
 * Merges entries that are the same paper. Copies must agree on the abstract (after white-space
 * normalization) and on authors and date; any copy may supply metadata the others lack. Upvotes
 * only grow, so the highest count seen is kept. Disagreements are errors naming both places.
 */
export function mergeEntries(entries: readonly DumpEntry[]): MergedPaper[] {
  const groups = new Map<string, DumpEntry[]>();
  for (const entry of [...entries].sort((a, b) => byPlace(a.place, b.place))) {
    const key = titleKey(entry.title);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.entries()].map(([key, copies]) => mergeCopies(key, copies));
}

function mergeCopies(key: string, copies: DumpEntry[]): MergedPaper {
  const first = copies[0]!;
  const abstract = normalizeSpace(first.abstract);
  const paper: MergedPaper = {
    key,
    title: preferredTitle(copies.map((copy) => copy.title)),
    abstract,
    authors: null,
    published: null,
    publishedText: null,
    upvotes: null,
    sources: copies.map((copy) => ({ ...copy.place, listed: copy.listed })),
  };
  let metadataFrom: DumpEntry | null = null;
  for (const copy of copies) {
    if (normalizeSpace(copy.abstract) !== abstract) {
      throw new SourceError(
        copy.place,
        `"${copy.title}" is also listed at ${formatPlace(first.place)} with a different abstract`,
      );
    }
    const metadata = copy.metadata;
    if (!metadata) continue;
    if (metadataFrom?.metadata) {
      const earlier = metadataFrom.metadata;
      const conflict =
        earlier.authors !== metadata.authors
          ? `${metadata.authors} authors here, ${earlier.authors} there`
          : !sameDay(earlier, metadata)
            ? `date ${metadata.publishedText} here, ${earlier.publishedText} there`
            : null;
      if (conflict) {
        throw new SourceError(metadata.place, `metadata disagrees with the copy at ${formatPlace(earlier.place)}: ${conflict}`);
      }
    }
    paper.authors = metadata.authors;
    if (paper.published === null) {
      paper.published = metadata.published;
      paper.publishedText = metadata.publishedText;
    }
    if (metadata.upvotes !== null) paper.upvotes = Math.max(paper.upvotes ?? 0, metadata.upvotes);
    metadataFrom = copy;
  }
  return paper;
}

/** `Apr 25` and `Apr 25, 2024` are the same day, one with its year left off. */
function sameDay(a: { publishedText: string }, b: { publishedText: string }): boolean {
  const dayOf = (text: string): string => text.split(',')[0]!;
  const yearOf = (text: string): string | undefined => text.split(', ')[1];
  const [yearA, yearB] = [yearOf(a.publishedText), yearOf(b.publishedText)];
  return dayOf(a.publishedText) === dayOf(b.publishedText) && (yearA === undefined || yearB === undefined || yearA === yearB);
}

/** The most common spelling of a title; ties go to the first in code-point order, never to file order. */
function preferredTitle(titles: string[]): string {
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  return [...counts.entries()].sort(([a, countA], [b, countB]) => countB - countA || compareCodeUnits(a, b))[0]![0];
}
