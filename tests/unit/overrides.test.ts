import { describe, expect, it } from 'vitest';
import { applyOverride, parseOverrides } from '../../src/lib/ingest/overrides.ts';
import { ingest } from '../../src/lib/ingest/pipeline.ts';
import { THEME_IDS, THEMES } from '../../src/lib/themes.ts';
import { dumpText, encode, errorMessage } from '../helpers/dump.ts';

/** Ingests one small dump of papers with these titles, with `overridesText` as content/overrides.json. */
const ingestTitles = (titles: string[], overridesText: string) =>
  ingest([{ name: 'd.txt', bytes: encode(dumpText(titles.map((title) => ({ title, abstract: `About ${title}.` })))) }], {
    themes: THEMES,
    overridesText,
  });

describe('curator overrides', () => {
  it('add and remove themes last, recording the curator note as evidence', () => {
    const overrides = parseOverrides(
      '{ "my-paper": { "add": ["lora"], "remove": ["pruning"], "note": "low-rank throughout" } }',
      THEME_IDS,
    );
    const result = applyOverride(
      { themes: ['pruning', 'data'], evidence: { pruning: ['pruning'], data: ['data selection'] } },
      overrides.get('my-paper'),
      THEME_IDS,
    );
    expect(result).toEqual({
      themes: ['lora', 'data'],
      evidence: { lora: ['curator: low-rank throughout'], data: ['data selection'] },
    });
  });

  it('fall back to other when every theme is removed, and leave other when a theme is added', () => {
    const removeAll = parseOverrides('{ "p": { "remove": ["pruning"], "note": "n" } }', THEME_IDS).get('p');
    expect(applyOverride({ themes: ['pruning'], evidence: { pruning: ['x'] } }, removeAll, THEME_IDS).themes).toEqual(['other']);
    const add = parseOverrides('{ "p": { "add": ["unlearning"], "note": "n" } }', THEME_IDS).get('p');
    expect(applyOverride({ themes: ['other'], evidence: {} }, add, THEME_IDS).themes).toEqual(['unlearning']);
  });

  it('report an unknown theme with the line of the slug', () => {
    expect(errorMessage(() => parseOverrides('{\n  "p": { "add": ["lorra"], "note": "n" }\n}', THEME_IDS))).toMatch(
      /^content\/overrides.json:2: p\.add\.0: /u,
    );
    expect(errorMessage(() => parseOverrides('{ nope', THEME_IDS))).toMatch(/^content\/overrides.json:1: not valid JSON/u);
    expect(errorMessage(() => parseOverrides('[]', THEME_IDS))).toBe(
      'content/overrides.json:1: file: expected an object of corrections by paper slug',
    );
  });

  it('report every slug that names no paper with its line, the names of object properties included', () => {
    for (const slug of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = `{\n  "a-paper": { "add": ["lora"], "note": "n" },\n  "${slug}": { "add": ["lora"], "note": "n" }\n}\n`;
      expect(
        errorMessage(() => ingestTitles(['A Paper'], text)),
        slug,
      ).toBe(`content/overrides.json:3: no paper has the slug "${slug}"`);
    }
  });

  it('apply to a paper whose slug is the name of an object property only what the file says', () => {
    const plain = ingestTitles(['Constructor', 'Note', 'Add'], '{}');
    expect([...plain.pages.keys()]).toEqual(['add.md', 'constructor.md', 'note.md']);
    expect([...plain.pages.values()].filter((page) => page.includes('curator:'))).toEqual([]);
    const corrected = ingestTitles(['Constructor', 'Note'], '{ "constructor": { "add": ["lora"], "note": "low-rank" } }');
    expect(corrected.pages.get('constructor.md')).toContain('curator: low-rank');
    expect(corrected.pages.get('note.md')).not.toContain('curator:');
  });

  it('accept a file saved with a BOM, as the dumps are', () => {
    expect(parseOverrides('\u{feff}{ "p": { "add": ["lora"], "note": "n" } }', THEME_IDS).get('p')?.add).toEqual(['lora']);
  });
});
