import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/lib/excerpt.ts';

describe('excerpt', () => {
  it('keeps a short text whole and cuts a long one at a word boundary, ellipsis included in the length', () => {
    expect(excerpt('Short enough.', 20)).toBe('Short enough.');
    const cut = excerpt('Quantization keeps four-bit weights accurate across many layers.', 30);
    expect(cut).toBe('Quantization keeps four-bit…');
    expect(Array.from(cut).length).toBeLessThanOrEqual(30);
  });

  it('never splits a surrogate pair: an emoji at the cut stays whole or goes', () => {
    const text = `${'🚀'.repeat(10)} and more words after the rockets`;
    const cut = excerpt(text, 8);
    expect(cut).toBe(`${'🚀'.repeat(7)}…`);
    expect(cut.isWellFormed()).toBe(true);
    for (let max = 2; max < 30; max++) expect(excerpt(`a ${'𝒳'.repeat(40)}`, max).isWellFormed()).toBe(true);
  });
});
