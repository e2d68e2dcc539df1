import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/lib/ingest/pipeline.ts';
import { THEMES } from '../../src/lib/themes.ts';
import { dumpText, encode, errorMessage, HEADER } from '../helpers/dump.ts';

const firstLine = HEADER.length + 1;
const ingestEntries = (entries: { title: string; abstract: string }[]) =>
  ingest([{ name: 'd.txt', bytes: encode(dumpText(entries)) }], { themes: THEMES });

describe('a title or abstract that is nothing once its TeX is rendered', () => {
  it.each(['\\textbf{}', '{\\em }', '\\emph{} \\textit{}', '\\textcolor[rgb]{1,0,0}{}'])('is refused as a title: %s', (title) => {
    expect(
      errorMessage(() =>
        ingestEntries([
          { title: 'Fine', abstract: 'a' },
          { title, abstract: 'An abstract.' },
        ]),
      ),
    ).toBe(`content/sources/d.txt:${firstLine + 4}: the title "${title}" is empty once its TeX is rendered`);
  });

  it.each(['\\textbf{}', '{\\em }', '\\text{} {\\bf }'])('is refused as an abstract: %s', (abstract) => {
    expect(errorMessage(() => ingestEntries([{ title: 'A Title', abstract }]))).toBe(
      `content/sources/d.txt:${firstLine}: the abstract of "A Title" is empty once its TeX is rendered`,
    );
  });

  it('is a question only for the whole text: TeX that leaves any text is rendered', () => {
    const { searchRecords } = ingestEntries([{ title: '\\textbf{} Kept', abstract: '{\\em } kept' }]);
    expect(searchRecords.map(({ title, text }) => [title, text])).toEqual([[' Kept', ' kept']]);
  });
});
