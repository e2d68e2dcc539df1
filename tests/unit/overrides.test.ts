import { describe, expect, it } from 'vitest';
import { applyOverride, parseOverrides } from '../../src/lib/ingest/overrides.ts';
import { THEME_IDS } from '../../src/lib/themes.ts';
import { errorMessage } from '../helpers/dump.ts';

describe('curator overrides', () => {
  it('add and remove themes last, recording the curator note as evidence', () => {
    const overrides = parseOverrides(
      '{ "my-paper": { "add": ["lora"], "remove": ["pruning"], "note": "low-rank throughout" } }',
      THEME_IDS,
    );
    const result = applyOverride(
      { themes: ['pruning', 'data'], evidence: { pruning: ['pruning'], data: ['data selection'] } },
      overrides['my-paper'],
      THEME_IDS,
    );
    expect(result).toEqual({
      themes: ['lora', 'data'],
      evidence: { lora: ['curator: low-rank throughout'], data: ['data selection'] },
    });
  });

  it('fall back to other when every theme is removed, and leave other when a theme is added', () => {
    const removeAll = parseOverrides('{ "p": { "remove": ["pruning"], "note": "n" } }', THEME_IDS)['p'];
    expect(applyOverride({ themes: ['pruning'], evidence: { pruning: ['x'] } }, removeAll, THEME_IDS).themes).toEqual(['other']);
    const add = parseOverrides('{ "p": { "add": ["unlearning"], "note": "n" } }', THEME_IDS)['p'];
    expect(applyOverride({ themes: ['other'], evidence: {} }, add, THEME_IDS).themes).toEqual(['unlearning']);
  });

  it('report an unknown theme with the line of the slug', () => {
    expect(errorMessage(() => parseOverrides('{\n  "p": { "add": ["lorra"], "note": "n" }\n}', THEME_IDS))).toMatch(
      /^content\/overrides.json:2: p\.add\.0: /u,
    );
    expect(errorMessage(() => parseOverrides('{ nope', THEME_IDS))).toMatch(/^content\/overrides.json:1: not valid JSON/u);
  });
});
