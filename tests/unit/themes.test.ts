import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_THEMES, OTHER_THEME, parseThemeFile, themeInfo, THEME_IDS, THEMES, THEMES_FILE } from '../../src/lib/themes.ts';
import { errorMessage } from '../helpers/dump.ts';

interface RawTheme {
  id: unknown;
  signals: { pattern: unknown; weight: unknown }[];
  [field: string]: unknown;
}

/** A fresh copy of the real theme file, to break in one place. */
const themeFile = (): { themes: RawTheme[] } => JSON.parse(readFileSync(THEMES_FILE, 'utf8')) as { themes: RawTheme[] };

describe('the theme file', () => {
  it('is data: content/ holds no code', () => {
    const files = readdirSync('content', { withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((file) => file.name)).toContain('themes.json');
    expect(files.map((file) => file.name).filter((name) => !name.endsWith('.json'))).toEqual([]);
  });

  it('loads every theme, and the site lists them with Other last', () => {
    expect(THEMES.length).toBeGreaterThan(4);
    expect(THEMES.map((theme) => theme.id).slice(0, 4)).toEqual(['quantization', 'lora', 'pruning', 'unlearning']);
    expect(ALL_THEMES.map((theme) => theme.id)).toEqual(THEME_IDS);
    expect(ALL_THEMES.at(-1)).toEqual(OTHER_THEME);
    expect(themeInfo('lora')).toEqual({
      id: 'lora',
      name: 'LoRA',
      description: THEMES[1]!.description,
      rule: THEMES[1]!.rule,
    });
    expect(() => themeInfo('lorra')).toThrow(/unknown theme id "lorra"/u);
  });

  it('has no signal that starts with an optional part of a compound: the classifier adds those to evidence', () => {
    // `(?:[\p{L}\p{N}]+-){0,2}prun\w*`, `(?:re-)?rankers?`: with no fixed text to look for first, such a
    // signal is tried at every position of every abstract.
    const compoundPrefix = /(?:^|\|)\(\?:(?:[^()]|\([^()]*\))*-\)(?:\?|\*|\{\d*,\d*\})/u;
    expect(compoundPrefix.test('(?:[\\p{L}\\p{N}]+-){0,2}prun\\w*')).toBe(true);
    expect(compoundPrefix.test('retriev\\w*|(?:re-)?rankers?')).toBe(true);
    const prefixed = THEMES.flatMap((theme) =>
      theme.signals.filter((signal) => compoundPrefix.test(signal.pattern)).map((signal) => `${theme.id}: ${signal.pattern}`),
    );
    expect(prefixed).toEqual([]);
  });

  it('names the file, the place and the problem for a value of the wrong type', () => {
    const file = themeFile();
    file.themes[3]!.signals[0]!.weight = '3';
    expect(errorMessage(() => parseThemeFile(file))).toMatch(
      /^content\/themes\.json: themes\[3\]\.signals\[0\]\.weight: .*expected number/u,
    );
    expect(errorMessage(() => parseThemeFile(file, 'elsewhere/themes.json'))).toMatch(/^elsewhere\/themes\.json: themes\[3\]/u);
  });

  it('refuses a missing field, an unknown field and a file without themes', () => {
    const missing = themeFile();
    delete missing.themes[0]!['name'];
    expect(errorMessage(() => parseThemeFile(missing))).toMatch(/^content\/themes\.json: themes\[0\]\.name: /u);
    const unknown = themeFile();
    unknown.themes[2]!['treshold'] = 5;
    expect(errorMessage(() => parseThemeFile(unknown))).toMatch(/^content\/themes\.json: themes\[2\]: .*treshold/u);
    expect(errorMessage(() => parseThemeFile([]))).toMatch(/^content\/themes\.json: the file: /u);
  });

  it('names the theme and the pattern of a regular expression that does not compile', () => {
    const file = themeFile();
    file.themes[1]!.signals[2]!.pattern = 'low-rank (adapters';
    expect(errorMessage(() => parseThemeFile(file))).toMatch(
      /^content\/themes\.json: themes\[1\]\.signals\[2\]\.pattern: theme "lora": the pattern "low-rank \(adapters" is not a valid regular expression/u,
    );
  });

  it('refuses an id used twice, and the id of the catch-all', () => {
    const twice = themeFile();
    twice.themes[5]!.id = 'pruning';
    expect(errorMessage(() => parseThemeFile(twice))).toBe(
      'content/themes.json: themes[5].id: the id "pruning" is already used by themes[2]',
    );
    const other = themeFile();
    other.themes[0]!.id = 'other';
    expect(errorMessage(() => parseThemeFile(other))).toMatch(/^content\/themes\.json: themes\[0\]\.id: "other" is reserved/u);
  });

  it('refuses an id that cannot be an address', () => {
    const file = themeFile();
    file.themes[0]!.id = 'Low Bit';
    expect(errorMessage(() => parseThemeFile(file))).toMatch(/^content\/themes\.json: themes\[0\]\.id: expected lowercase/u);
  });
});
