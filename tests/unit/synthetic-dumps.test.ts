import { describe, expect, it } from 'vitest';
import { median } from '../../bench/browser-metrics.ts';
import { syntheticDumps } from '../../bench/synthetic-dumps.ts';
import { readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { ingest } from '../../src/lib/ingest/pipeline.ts';
import { THEMES } from '../../src/lib/themes.ts';
import { encode } from '../helpers/dump.ts';

describe('synthetic dumps for the benchmark', () => {
  const dumps = syntheticDumps(600);
  const { summary, pages } = ingest(
    dumps.map((dump) => ({ name: dump.name, bytes: encode(dump.text) })),
    { themes: THEMES },
  );

  it('are the same for the same seed, and different for another', () => {
    expect(syntheticDumps(600)).toEqual(dumps);
    expect(syntheticDumps(600, 7)).not.toEqual(dumps);
  });

  it('ingest without errors into exactly the requested number of papers, with duplicates across dumps', () => {
    expect(summary.papersWritten).toBe(600);
    expect(summary.duplicatesMerged).toBeGreaterThan(0);
    expect(dumps.length).toBeGreaterThan(1);
  });

  it('cover the four named themes and others, and carry metadata on some entries only', () => {
    for (const theme of ['quantization', 'lora', 'pruning', 'unlearning', 'retrieval', 'continual']) {
      expect(summary.papersPerTheme[theme] ?? 0, theme).toBeGreaterThan(20);
    }
    const withAuthors = [...pages.values()].filter((page) => readPaperPage(page).data.authors !== null).length;
    expect(withAuthors).toBeGreaterThan(30);
    expect(withAuthors).toBeLessThan(300);
  });

  it('have realistic lengths', () => {
    const abstracts = dumps.flatMap((dump) => dump.text.split('\n').filter((line) => line.length > 300));
    const lengths = abstracts.map((abstract) => abstract.length);
    expect(median(lengths)).toBeGreaterThan(700);
    expect(median(lengths)).toBeLessThan(2000);
  });
});
