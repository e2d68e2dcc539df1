import { SourceError } from './source-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/**
 * Control characters other than tab and line ends: C0, DEL and C1, never part of a listing's text
 * (and some terminals read C1's U+009B as the start of an escape, when a message shows the line).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

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

/** The line of the first invalid UTF-8 sequence, with LF, CRLF and CR line ends counted as readLines counts them. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || bytes[i] === 0x0a || bytes[i] === 0x0d;
    if (!end) continue;
    try {
      utf8.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    // CRLF is one line end.
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return line;
}
