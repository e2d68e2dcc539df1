import { SourceError } from './source-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** C0 control characters other than tab and line ends, and DEL: never part of a listing's text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/**
 * Decodes a dump as strict UTF-8 and splits it into lines: a leading BOM is dropped,
 * CRLF and CR line ends are accepted, trailing white space is removed from each line.
 * Invalid UTF-8 and control characters are errors naming the line they are on.
 */
export function readLines(file: string, bytes: Uint8Array): string[] {
  if (bytes.length === 0) throw new SourceError({ file, line: 1 }, 'the file is empty');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new SourceError({ file, line }, 'invalid UTF-8: the file must be saved as UTF-8 text');
  }
  const lines = text.split(/\r\n|\r|\n/u).map((line) => line.trimEnd());
  lines.forEach((line, index) => {
    const control = CONTROL_CHARACTER.exec(line);
    if (control) {
      const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new SourceError({ file, line: index + 1 }, `control character U+${code} in the text`);
    }
  });
  return lines;
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
