import { describe, expect, it } from 'vitest';
import { paperPage, readPaperPage } from '../../src/lib/ingest/markdown.ts';
import type { PaperData } from '../../src/lib/paper.ts';

const paper: PaperData = {
  title: 'A \\% of ``Quoted\'\' ~ <projektor> "Tricky" Title\t+++ --- 𝔸 é',
  slug: 'a-tricky-title',
  themes: ['quantization', 'lora'],
  evidence: { quantization: ['4-bit', '"INT8"'], lora: ['LoRA'] },
  authors: null,
  published: null,
  publishedText: 'Apr 25',
  upvotes: 0,
  sources: [
    { file: '000.txt', line: 12, listed: null },
    { file: '001.txt', line: 3, listed: 'Dec 11' },
  ],
};

describe('a paper page', () => {
  const page = paperPage(paper, [{ type: 'text', value: 'The abstract.' }]);

  it('opens with TOML front matter, which Astro reads, and leaves unknown values out', () => {
    expect(page.startsWith('+++\n')).toBe(true);
    expect(page).not.toMatch(/^(?:authors|published) =/mu);
    expect(page.endsWith('+++\n\n## Abstract\n\nThe abstract.\n')).toBe(true);
  });

  it('reads back as exactly the data it was written from, unknown values as null', () => {
    expect(readPaperPage(page)).toEqual({ data: paper, body: '## Abstract\n\nThe abstract.\n' });
  });

  it('is refused when its front matter is missing', () => {
    expect(() => readPaperPage('---\ntitle: x\n---\n\nText')).toThrow(/no \+\+\+ front matter/u);
  });
});
