import { describe, expect, it } from 'vitest';
import { applyOverride, parseOverrides } from '../../src/lib/ingest/overrides.ts';
import { errorMessage } from '../helpers/dump.ts';

describe('curator overrides', () => {
  it('add and remove themes last, recording the curator note as evidence', () => {
    const overrides = parseOverrides('{ "my-paper": { "add": ["lora"], "remove": ["pruning"], "note": "low-rank throughout" } }');
    const result = applyOverride(
      { themes: ['pruning', 'data'], evidence: { pruning: ['pruning'], data: ['data selection'] } },
      overrides['my-paper'],
    );
    expect(result).toEqual({
      themes: ['lora', 'data'],
      evidence: { lora: ['curator: low-rank throughout'], data: ['data selection'] },
    });
  });

  it('fall back to other when every theme is removed, and leave other when a theme is added', () => {
    const removeAll = parseOverrides('{ "p": { "remove": ["pruning"], "note": "n" } }')['p'];
    expect(applyOverride({ themes: ['pruning'], evidence: { pruning: ['x'] } }, removeAll).themes).toEqual(['other']);
    const add = parseOverrides('{ "p": { "add": ["unlearning"], "note": "n" } }')['p'];
    expect(applyOverride({ themes: ['other'], evidence: {} }, add).themes).toEqual(['unlearning']);
  });

  it('report an unknown theme with the line of the slug', () => {
    expect(errorMessage(() => parseOverrides('{\n  "p": { "add": ["lorra"], "note": "n" }\n}'))).toMatch(
      /^content\/overrides.json:2: p\.add\.0: /u,
    );
    expect(errorMessage(() => parseOverrides('{ nope'))).toMatch(/^content\/overrides.json:1: not valid JSON/u);
  });
});
