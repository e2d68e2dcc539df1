import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/lib/newest.ts';

const paper = (title: string, ...sources: [file: string, line: number][]) => ({
  title,
  data: { sources: sources.map(([file, line]) => ({ file, line, listed: null })) },
});

describe('newest papers, for feeds', () => {
  it('orders by the last dump that lists a paper (dump names sort in the order they were saved), then by listing order', () => {
    const papers = [
      paper('only in the first dump', ['000_a.txt', 11]),
      paper('listed again in the last dump, lower down', ['000_a.txt', 15], ['002_c.txt', 40]),
      paper('top of the last dump', ['002_c.txt', 11]),
      paper('middle dump', ['001_b.txt', 11]),
    ];
    expect(newestFirst(papers).map((entry) => entry.title)).toEqual([
      'top of the last dump',
      'listed again in the last dump, lower down',
      'middle dump',
      'only in the first dump',
    ]);
  });
});
