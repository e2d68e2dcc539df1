import { describe, expect, it } from 'vitest';
import { mergeReadingLists, parseReadingList } from '../../src/lib/reading-list-file.ts';
import { emptyReadingList } from '../../src/lib/reading-list.ts';

const now = new Date('2026-12-03T12:00:00Z');
const entry = (updated: string, fields: object = {}) => ({
  slug: 'qlora',
  title: 'QLoRA',
  saved: true,
  read: false,
  updated,
  ...fields,
});
const file = (papers: unknown[], version: unknown = 1) => JSON.stringify({ format: 'papershelf-reading-list', version, papers });

describe('importing a reading list', () => {
  it('reads the version written as text, and says which version a file has when it is not this one', () => {
    expect(parseReadingList(file([entry('2026-11-24T09:00:00.000Z')], '1'), now).get('qlora')?.saved).toBe(true);
    expect(() => parseReadingList(file([], 2), now)).toThrow('it is version 2 of the format, and this site reads version 1');
    expect(() => parseReadingList(file([], 'one'), now)).toThrow(/gives no version of the format/u);
  });

  it('keeps the most recent change of a paper listed twice in one file, whichever comes first', () => {
    const older = entry('2026-11-23T09:00:00.000Z', { saved: true });
    const newer = entry('2026-11-24T09:00:00.000Z', { saved: false, read: true });
    for (const papers of [
      [older, newer],
      [newer, older],
    ]) {
      expect(parseReadingList(file(papers), now).get('qlora')).toMatchObject({ saved: false, read: true });
    }
  });

  it('lets a more recent change to neither saved nor read take a paper off the list', () => {
    const current = parseReadingList(file([entry('2026-11-23T09:00:00.000Z')]), now);
    const incoming = parseReadingList(file([entry('2026-11-24T09:00:00.000Z', { saved: false })]), now);
    const { list, changed } = mergeReadingLists(current, incoming);
    expect(list.has('qlora')).toBe(false);
    expect(changed).toBe(1);
    expect(mergeReadingLists(emptyReadingList(), incoming).changed).toBe(0);
  });

  it('takes only real ISO dates no later than now, so a far-future date cannot block later imports', () => {
    for (const updated of ['1', '2026', '2026-11-24', 'Tue Nov 24 2026', '2026-02-30T09:00:00Z', '2027-01-01T00:00:00Z'])
      expect(() => parseReadingList(file([entry(updated)]), now), updated).toThrow(/date/u);
    expect(parseReadingList(file([entry('2026-11-24T10:00:00+01:00')]), now).get('qlora')?.updated).toBe(
      '2026-11-24T09:00:00.000Z',
    );
  });
});
