import { DUMP_HEADER_LINES } from '../../src/lib/ingest/parse-dump.ts';

/** Builds dump text in the Daily Papers format, for tests. */

export interface TestEntry {
  title: string;
  abstract?: string;
  /** Lines of a metadata block, e.g. ['  • 5 authors', '·', 'Mar 17, 2024']. */
  metadata?: string[];
}

/** The page chrome that opens a dump and a listing date, each line followed by a blank line. */
export const HEADER = [...DUMP_HEADER_LINES, 'Mar 14'].flatMap((line) => [line, '']);

export function dumpText(entries: readonly TestEntry[], newline = '\n'): string {
  const lines = [...HEADER];
  for (const entry of entries) {
    lines.push(entry.title, '');
    if (entry.abstract !== undefined) lines.push(entry.abstract, '');
    if (entry.metadata) lines.push(...entry.metadata, '');
  }
  return lines.join(newline);
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Runs a function expected to throw, and returns its message. */
export function errorMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}
