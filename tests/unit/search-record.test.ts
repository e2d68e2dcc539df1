import { describe, expect, it } from 'vitest';
import { pagefindRecord } from '../../src/lib/search/records.ts';

const record = {
  slug: 'hostile',
  title: '<script>alert("t")</script> & "LoRA"',
  text: 'Abstract with <img src=x onerror=alert(1)> and &amp; kept as text.',
  themes: ['Retrieval & ranking', 'LoRA'],
  published: null,
  upvotes: 7,
};

describe('what Pagefind indexes for a paper', () => {
  it('takes the abstract as the content excerpts come from, and the title and theme names as searchable metadata, as plain text', () => {
    expect(pagefindRecord(record)).toMatchObject({
      url: '/papers/hostile/',
      content: record.text,
      language: 'en',
      meta: { title: record.title, themes: 'Retrieval & ranking, LoRA' },
    });
  });

  it('carries the theme filter and both sort keys, the lowest key standing in for an unknown date', () => {
    expect(pagefindRecord(record)).toMatchObject({
      filters: { theme: record.themes },
      sort: { date: '0000-00-00', upvotes: '7' },
    });
    expect(pagefindRecord({ ...record, published: '2024-06-01', upvotes: null }).sort).toEqual({
      date: '2024-06-01',
      upvotes: '0',
    });
  });
});
