import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/lib/ingest/read-lines.ts';
import { encode, errorMessage } from '../helpers/dump.ts';

describe('readLines', () => {
  it('drops a BOM, accepts CRLF and CR line ends, and trims trailing spaces', () => {
    const bytes = encode('\uFEFFnew\r\n\r\nTitle  \rAbstract\t\n');
    expect(readLines('a.txt', bytes)).toEqual(['new', '', 'Title', 'Abstract', '']);
  });

  it('keeps any Unicode text as it is', () => {
    expect(readLines('a.txt', encode('量子化 🚀 Ünïcödé'))).toEqual(['量子化 🚀 Ünïcödé']);
  });

  it('names the file and line of invalid UTF-8', () => {
    const bytes = new Uint8Array([...encode('new\n\nTitle\n'), 0xff, 0xfe, ...encode('\n')]);
    expect(errorMessage(() => readLines('bad.txt', bytes))).toBe(
      'content/sources/bad.txt:4: invalid UTF-8: the file must be saved as UTF-8 text',
    );
  });

  it('rejects an empty file', () => {
    expect(errorMessage(() => readLines('empty.txt', new Uint8Array()))).toBe('content/sources/empty.txt:1: the file is empty');
  });

  it('rejects control characters, naming the line', () => {
    expect(errorMessage(() => readLines('c.txt', encode('new\nA\u0000B')))).toBe(
      'content/sources/c.txt:2: control character U+0000 in the text',
    );
  });

  it('names the line of invalid UTF-8 with CR and CRLF line ends too', () => {
    for (const newline of ['\r', '\r\n']) {
      const bytes = new Uint8Array([...encode(['new', '', 'Title', ''].join(newline)), 0xff, ...encode(newline)]);
      expect(
        errorMessage(() => readLines('bad.txt', bytes)),
        JSON.stringify(newline),
      ).toBe('content/sources/bad.txt:4: invalid UTF-8: the file must be saved as UTF-8 text');
    }
  });

  it('rejects C1 control characters too, which some terminals read as escapes when a message shows the line', () => {
    expect(errorMessage(() => readLines('c.txt', encode('new\nA\u009B31mB')))).toBe(
      'content/sources/c.txt:2: control character U+009B in the text',
    );
  });
});
