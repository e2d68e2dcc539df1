import { describe, expect, it } from 'vitest';
import { titleKey } from '../../src/lib/ingest/merge.ts';
import { assignSlugs, baseSlug, MAX_SLUG_LENGTH } from '../../src/lib/ingest/slug.ts';

const paper = (title: string) => ({ key: titleKey(title), title });

describe('slugs', () => {
  it('are lowercase ASCII, with non-Latin scripts transliterated', () => {
    expect(baseSlug('PA&DA: Jointly Sampling PAth and DAta')).toBe('pa-and-da-jointly-sampling-path-and-data');
    expect(baseSlug('Привет мир')).toBe('privet-mir');
    expect(baseSlug('大规模语言模型的量化')).toMatch(/^[a-z0-9-]+$/u);
    expect(baseSlug('🚀🚀')).toMatch(/^[a-z0-9-]+$/u);
  });

  it('are at most 80 characters, cut at a word boundary', () => {
    const slug = baseSlug(
      'Scalable Parameter and Memory Efficient Pretraining for LLM: Recent Algorithmic Advances and Benchmarking',
    );
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('scalable-parameter-and-memory-efficient-pretraining-for-llm-recent-algorithmic');
  });

  it('stay unique when titles slugify alike, decided by the papers and not by their order', () => {
    const papers = [paper('Café Networks'), paper('Cafe Networks'), paper('Cafè Networks')];
    expect(new Set(papers.map((p) => p.key)).size).toBe(3);
    const forward = assignSlugs(papers);
    const backward = assignSlugs([...papers].reverse());
    expect(new Set(forward.values()).size).toBe(3);
    expect([...forward.entries()].sort()).toEqual([...backward.entries()].sort());
    for (const slug of forward.values()) expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('do not change when unrelated papers are added or removed', () => {
    const mine = paper('Quantizing Everything at Once');
    const alone = assignSlugs([mine]).get(mine.key);
    const crowded = assignSlugs([paper('Other Paper'), mine, paper('Yet Another')]).get(mine.key);
    expect(crowded).toBe(alone);
  });
});
