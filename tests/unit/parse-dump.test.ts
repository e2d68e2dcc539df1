import { describe, expect, it } from 'vitest';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { readLines } from '../../src/lib/ingest/read-lines.ts';
import { dumpText, encode, errorMessage, HEADER, type TestEntry } from '../helpers/dump.ts';

const parse = (entries: TestEntry[], file = 'd.txt') => parseDump(file, readLines(file, encode(dumpText(entries))));
const parseText = (text: string, file = 'd.txt') => parseDump(file, readLines(file, encode(text)));
const firstLine = HEADER.length + 1;

describe('parseDump', () => {
  it('reads title, abstract and the place of each entry, after the header', () => {
    const entries = parse([
      { title: 'First Paper', abstract: 'First abstract.' },
      { title: 'Second Paper', abstract: 'Second abstract.' },
    ]);
    expect(entries.map((entry) => [entry.title, entry.abstract, entry.place.line, entry.listed])).toEqual([
      ['First Paper', 'First abstract.', firstLine, 'Mar 14'],
      ['Second Paper', 'Second abstract.', firstLine + 4, 'Mar 14'],
    ]);
  });

  it('reads metadata: authors, a dated entry with upvotes, a year-less date kept as text', () => {
    const [withYear, withoutYear, noUpvotes] = parse([
      { title: 'A', abstract: 'a', metadata: ['  • 5 authors', '·', 'Jan 23, 2024 2'] },
      { title: 'B', abstract: 'b', metadata: ['  • 1 authors', '·', 'Apr 25 2'] },
      { title: 'C', abstract: 'c', metadata: ['  • 3 authors', '·', 'Mar 17, 2024'] },
    ]);
    expect(withYear!.metadata).toMatchObject({ authors: 5, published: '2024-01-23', publishedText: 'Jan 23, 2024', upvotes: 2 });
    expect(withoutYear!.metadata).toMatchObject({ authors: 1, published: null, publishedText: 'Apr 25', upvotes: 2 });
    expect(noUpvotes!.metadata).toMatchObject({ published: '2024-03-17', upvotes: null });
  });

  it('accepts a dump without the optional "Daily Papers" line and with CRLF line ends', () => {
    const text = dumpText([{ title: 'T', abstract: 'A' }], '\r\n').replace('Daily Papers\r\n\r\n', '');
    expect(parseText(text)).toHaveLength(1);
  });

  it('reports a title with no abstract at the end of the file', () => {
    expect(errorMessage(() => parse([{ title: 'A', abstract: 'a' }, { title: 'Lonely Title' }]))).toBe(
      `content/sources/d.txt:${firstLine + 4}: the paper "Lonely Title" has no abstract`,
    );
  });

  it('reports a title followed directly by its metadata block', () => {
    expect(errorMessage(() => parse([{ title: 'No Abstract', metadata: ['  • 2 authors', '·', 'Jun 6, 2023'] }]))).toBe(
      `content/sources/d.txt:${firstLine}: the paper "No Abstract" has no abstract`,
    );
  });

  it('reports a title with no abstract in the middle of a file, where the next abstract lands in title position', () => {
    const long = 'x'.repeat(400);
    const message = errorMessage(() =>
      parse([{ title: 'Missing Abstract' }, { title: 'Next Paper', abstract: long }, { title: 'Third', abstract: 'c' }]),
    );
    expect(message).toBe(
      `content/sources/d.txt:${firstLine + 4}: expected a paper title (at most 300 characters) but found a 400-character paragraph; does the paper at line ${firstLine} ("Missing Abstract") lack its abstract?`,
    );
  });

  it('reports a metadata block in the wrong place', () => {
    const text = [...HEADER, '  • 5 authors', '·', 'Mar 17, 2024', '', 'T', '', 'A'].join('\n');
    expect(errorMessage(() => parseText(text))).toBe(
      `content/sources/d.txt:${firstLine}: metadata block in the wrong place: it must follow an abstract`,
    );
  });

  it('reports a metadata line run into an abstract', () => {
    const text = [...HEADER, 'T', '', 'Abstract.', '  • 5 authors', '·', 'Mar 17, 2024'].join('\n');
    expect(errorMessage(() => parseText(text))).toBe(
      `content/sources/d.txt:${firstLine + 3}: metadata line inside an abstract: separate the metadata block with a blank line`,
    );
  });

  it('reports an impossible date and a broken metadata block', () => {
    expect(errorMessage(() => parse([{ title: 'T', abstract: 'A', metadata: ['  • 2 authors', '·', 'Feb 30, 2024'] }]))).toMatch(
      new RegExp(`^content/sources/d.txt:${firstLine + 6}: metadata block: "Feb 30, 2024" is not a date`, 'u'),
    );
    expect(errorMessage(() => parse([{ title: 'T', abstract: 'A', metadata: ['  • 2 authors', 'Feb 3, 2024'] }]))).toBe(
      `content/sources/d.txt:${firstLine + 5}: metadata block: expected "·" after the authors line`,
    );
  });

  it('reports a file with a header and no entries', () => {
    expect(errorMessage(() => parseText(HEADER.join('\n')))).toMatch(
      /^content\/sources\/d.txt:\d+: no paper entries after the header$/u,
    );
  });

  it('refuses an author count of 0 and counts too large to hold exactly', () => {
    const withMetadata = (authors: string, date: string) =>
      errorMessage(() => parse([{ title: 'T', abstract: 'A', metadata: [`  • ${authors} authors`, '·', date] }]));
    expect(withMetadata('0', 'Mar 17, 2024')).toBe(
      `content/sources/d.txt:${firstLine + 4}: metadata block: a paper has at least 1 author, not 0`,
    );
    expect(withMetadata('9007199254740992', 'Mar 17, 2024')).toBe(
      `content/sources/d.txt:${firstLine + 4}: metadata block: 9007199254740992 authors is more than ingest can count (at most 9007199254740991)`,
    );
    expect(withMetadata('3', 'Mar 17, 2024 99999999999999999999')).toBe(
      `content/sources/d.txt:${firstLine + 6}: metadata block: 99999999999999999999 upvotes is more than ingest can count (at most 9007199254740991)`,
    );
    expect(
      parse([{ title: 'T', abstract: 'A', metadata: ['  • 9007199254740991 authors', '·', 'Mar 17, 2024 9007199254740991'] }])[0]!
        .metadata,
    ).toMatchObject({
      authors: Number.MAX_SAFE_INTEGER,
      upvotes: Number.MAX_SAFE_INTEGER,
    });
  });

  it('checks the listing date like a date in metadata: a day that does not exist is refused', () => {
    const listing = (date: string) => parseText(dumpText([{ title: 'T', abstract: 'A' }]).replace('\nMar 14\n', `\n${date}\n`));
    const dateLine = HEADER.indexOf('Mar 14') + 1;
    for (const date of ['Feb 31', 'Apr 31', 'Jan 0', 'Dec 99']) {
      expect(
        errorMessage(() => listing(date)),
        date,
      ).toBe(`content/sources/d.txt:${dateLine}: the listing date "${date}" is not a day of the year`);
    }
    expect(listing('Feb 29')[0]!.listed).toBe('Feb 29');
  });
});
