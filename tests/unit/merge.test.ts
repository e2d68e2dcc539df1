import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../src/lib/ingest/abstract-text.ts';
import { mergeEntries, titleKey } from '../../src/lib/ingest/merge.ts';
import type { DumpEntry, EntryMetadata } from '../../src/lib/ingest/parse-dump.ts';
import { errorMessage } from '../helpers/dump.ts';

const entry = (file: string, line: number, title: string, abstract: string, metadata?: Partial<EntryMetadata>): DumpEntry => ({
  title,
  abstract,
  listed: 'Mar 14',
  place: { file, line },
  metadata: metadata
    ? { authors: 3, publishedText: 'Apr 25', published: null, upvotes: null, place: { file, line: line + 4 }, ...metadata }
    : null,
});

describe('mergeEntries', () => {
  it('treats titles that differ in case, spacing and punctuation as one paper', () => {
    expect(titleKey('LoRA: Low-Rank  Adaptation!')).toBe(titleKey('lora low rank adaptation'));
    const papers = mergeEntries([
      entry('b.txt', 20, 'LoRA: Low-Rank Adaptation', 'Same   abstract.'),
      entry('a.txt', 10, 'LoRA - low-rank adaptation', 'Same abstract.'),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]!.sources).toEqual([
      { file: 'a.txt', line: 10, listed: 'Mar 14' },
      { file: 'b.txt', line: 20, listed: 'Mar 14' },
    ]);
  });

  it('keeps metadata from whichever copy has it, never inventing a year', () => {
    const [paper] = mergeEntries([
      entry('a.txt', 10, 'Paper', 'Abstract.'),
      entry('b.txt', 10, 'Paper', 'Abstract.', { authors: 4, publishedText: 'Apr 25', upvotes: 2 }),
    ]);
    expect(paper).toMatchObject({ authors: 4, published: null, publishedText: 'Apr 25', upvotes: 2 });
  });

  it('takes the year from a copy that has one, and the highest upvote count', () => {
    const [paper] = mergeEntries([
      entry('a.txt', 10, 'Paper', 'Abstract.', { publishedText: 'Apr 25', upvotes: 5 }),
      entry('b.txt', 10, 'Paper', 'Abstract.', { publishedText: 'Apr 25, 2024', published: '2024-04-25', upvotes: 2 }),
    ]);
    expect(paper).toMatchObject({ published: '2024-04-25', publishedText: 'Apr 25, 2024', upvotes: 5 });
  });

  it('rejects copies whose abstracts differ, naming both places', () => {
    const message = errorMessage(() =>
      mergeEntries([entry('a.txt', 10, 'Paper', 'One abstract.'), entry('b.txt', 30, 'Paper', 'Another abstract.')]),
    );
    expect(message).toBe(
      'content/sources/b.txt:30: "Paper" is also listed at content/sources/a.txt:10 with a different abstract',
    );
  });

  it('rejects copies whose metadata disagrees, naming both places', () => {
    const message = errorMessage(() =>
      mergeEntries([entry('a.txt', 10, 'Paper', 'A.', { authors: 3 }), entry('b.txt', 30, 'Paper', 'A.', { authors: 5 })]),
    );
    expect(message).toBe(
      'content/sources/b.txt:34: metadata disagrees with the copy at content/sources/a.txt:14: 5 authors here, 3 there',
    );
  });

  it('chooses the displayed title independently of file order', () => {
    const a = entry('a.txt', 1, 'Deep Nets', 'X.');
    const b = entry('b.txt', 1, 'Deep nets', 'X.');
    expect(mergeEntries([a, b])[0]!.title).toBe(mergeEntries([{ ...a, place: { file: 'z.txt', line: 1 } }, b])[0]!.title);
  });
});

describe('white space in a dump', () => {
  it('collapses every run of white space to one space and trims the ends, leaving single spaces alone', () => {
    expect(normalizeSpace('  A\tmodel\u00a0\u00a0that\n\nlearns \u2003 fast.  ')).toBe('A model that learns fast.');
    expect(normalizeSpace('A\u2028model')).toBe('A model');
    expect(normalizeSpace('Already clean text.')).toBe('Already clean text.');
  });

  it('merges copies whose abstracts differ only in white space', () => {
    const spaced = entry('a.txt', 1, 'Same Paper', 'One  line\tof text.');
    const plain = entry('b.txt', 1, 'Same Paper', 'One line of text.');
    const [paper, ...others] = mergeEntries([spaced, plain]);
    expect(others).toEqual([]);
    expect(paper!.abstract).toBe('One line of text.');
  });
});
