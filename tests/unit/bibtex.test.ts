import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexEntry } from '../../src/lib/bibtex.ts';

const read = (bibtex: string) => {
  const result = parse(bibtex, { sentenceCase: false } as never);
  expect(result.errors).toEqual([]);
  return result.entries;
};

describe('BibTeX entries', () => {
  it.each([
    'PA&DA: Jointly Sampling PAth and DAta for Consistent NAS',
    'Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law',
    '<script>alert("title")</script> Quantization Attacks',
    '大规模语言模型的量化 🚀',
    "Café Networks: *Emphasis* in a Title {x} 50% under_score $5 #1 ~a^b \\back ``q'' !`y",
  ])('read back to the exact title: %s', (title) => {
    const [entry] = read(
      bibtexEntry({ slug: 'key', title, published: null, authors: null, url: 'https://example.org/papers/key/', listed: null }),
    );
    expect(entry!.fields['title']).toBe(title);
  });

  it('carry only what is known: no year without a dated listing, never author names', () => {
    const undated = read(
      bibtexEntry({ slug: 'a', title: 'T', published: null, authors: 4, url: 'https://example.org/a/', listed: 'Apr 25' }),
    )[0]!;
    expect(Object.keys(undated.fields).sort()).toEqual(['note', 'title', 'url']);
    expect(undated.fields['note']).toBe('Hugging Face Daily Papers; listed Apr 25; 4 authors, names not listed');
    const dated = read(
      bibtexEntry({ slug: 'b', title: 'T', published: '2024-03-17', authors: null, url: 'https://example.org/b/', listed: null }),
    )[0]!;
    expect(dated.fields['year']).toBe('2024');
    expect(dated.type).toBe('misc');
    expect(dated.key).toBe('b');
  });
});
