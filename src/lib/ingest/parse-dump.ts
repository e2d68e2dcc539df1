import { parseListingDate } from './dates.ts';
import { SourceError, type SourcePlace } from './source-error.ts';
import { formatCount } from '../text.ts';

/** Metadata shown under some entries of a listing: authors, date and upvotes. */
export interface EntryMetadata {
  authors: number;
  /** The date as written (`Jan 23, 2024` or `Apr 25`). */
  publishedText: string;
  /** ISO date when the dump gives a year, else null. */
  published: string | null;
  /** Upvotes when the dump shows them, else null. */
  upvotes: number | null;
  place: SourcePlace;
}

/** One paper as it appears in one dump. Title and abstract are the text as written. */
export interface DumpEntry {
  title: string;
  abstract: string;
  metadata: EntryMetadata | null;
  /** File and line of the title. */
  place: SourcePlace;
  /** The dump's listing date (`Mar 14`), when its header has one. */
  listed: string | null;
}

/** Lines of the Daily Papers page chrome that open every dump, in the order the page shows them. */
export const DUMP_HEADER_LINES = [
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
] as const;
const HEADER_LINES = new Set<string>(DUMP_HEADER_LINES);
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const LISTING_DATE_LINE = new RegExp(`^${MONTH} \\d{1,2}$`, 'u');
const AUTHORS_LINE = /^•\s*(\d+)\s+authors?$/u;
const SEPARATOR_LINE = '·';
const DATE_LINE = new RegExp(`^(${MONTH} \\d{1,2}(?:, \\d{4})?)(?: (\\d+))?$`, 'u');
/**
 * Limits, in characters (code points), far beyond any real listing: a title line this long is an
 * abstract out of place, and an abstract this long is not an abstract. They bound the work a
 * single paper can cause, and what one page can hold.
 */
export const MAX_TITLE_LENGTH = 300;
export const MAX_ABSTRACT_LENGTH = 20_000;

/** Characters as a reader counts them: code points, so an emoji is one. */
function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // The high half of a surrogate pair is counted; its low half is not.
    if (code < 0xdc00 || code > 0xdfff || index === 0 || !isHighSurrogate(text.charCodeAt(index - 1))) count++;
  }
  return count;
}
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
/** Whether `text` has more than `limit` characters; counted only when its UTF-16 length is over the limit. */
const longerThan = (text: string, limit: number): boolean => text.length > limit && characterCount(text) > limit;

interface Line {
  text: string;
  number: number;
}

/** Splits lines into blocks: runs of non-blank lines separated by blank lines. */
function toBlocks(lines: readonly string[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push({ text, number: index + 1 });
    }
  });
  if (current.length > 0) blocks.push(current);
  return blocks;
}

const isMetadataStart = (block: Line[]): boolean => AUTHORS_LINE.test(block[0]!.text);

/**
 * Parses the lines of one dump into its entries. The format: page-chrome header lines and a
 * listing date, then per paper a title line, a blank line, the abstract paragraph and, on some
 * entries, a metadata block (`• 5 authors`, `·`, `Jan 23, 2024 2`). Anything else is a
 * SourceError naming the file and line.
 */
export function parseDump(file: string, lines: readonly string[]): DumpEntry[] {
  const blocks = toBlocks(lines);
  const at = (line: Line): SourcePlace => ({ file, line: line.number });
  let index = 0;
  while (index < blocks.length && blocks[index]!.length === 1 && HEADER_LINES.has(blocks[index]![0]!.text)) index++;
  let listed: string | null = null;
  const maybeDate = blocks[index];
  if (maybeDate?.length === 1 && LISTING_DATE_LINE.test(maybeDate[0]!.text)) {
    const dateLine = maybeDate[0]!;
    if (!parseListingDate(dateLine.text)) {
      throw new SourceError(at(dateLine), `the listing date "${dateLine.text}" is not a day of the year`);
    }
    listed = dateLine.text;
    index++;
  }
  if (index >= blocks.length) {
    throw new SourceError({ file, line: Math.max(1, lines.length) }, 'no paper entries after the header');
  }

  const entries: DumpEntry[] = [];
  while (index < blocks.length) {
    const titleBlock = blocks[index]!;
    const titleLine = titleBlock[0]!;
    if (isMetadataStart(titleBlock)) {
      throw new SourceError(at(titleLine), 'metadata block in the wrong place: it must follow an abstract');
    }
    if (longerThan(titleLine.text, MAX_TITLE_LENGTH)) {
      const previous = entries.at(-1);
      const hint = previous ? `; does the paper at line ${previous.place.line} ("${previous.title}") lack its abstract?` : '';
      throw new SourceError(
        at(titleLine),
        `expected a paper title (at most ${MAX_TITLE_LENGTH} characters) but found a ${formatCount(characterCount(titleLine.text))}-character paragraph${hint}`,
      );
    }
    if (titleBlock.length > 1) {
      throw new SourceError(at(titleBlock[1]!), 'expected a blank line between the title and the abstract');
    }
    const abstractBlock = blocks[index + 1];
    if (!abstractBlock || isMetadataStart(abstractBlock)) {
      throw new SourceError(at(titleLine), `the paper "${titleLine.text}" has no abstract`);
    }
    const strayMetadata = abstractBlock.find((line) => AUTHORS_LINE.test(line.text) || line.text === SEPARATOR_LINE);
    if (strayMetadata) {
      throw new SourceError(at(strayMetadata), 'metadata line inside an abstract: separate the metadata block with a blank line');
    }
    const abstract = abstractBlock.map((line) => line.text).join(' ');
    if (longerThan(abstract, MAX_ABSTRACT_LENGTH)) {
      throw new SourceError(
        at(abstractBlock[0]!),
        `the abstract of "${titleLine.text}" is ${formatCount(characterCount(abstract))} characters long; the limit is ${formatCount(MAX_ABSTRACT_LENGTH)}`,
      );
    }
    index += 2;
    let metadata: EntryMetadata | null = null;
    const metadataBlock = blocks[index];
    if (metadataBlock && isMetadataStart(metadataBlock)) {
      metadata = parseMetadata(metadataBlock, at);
      index++;
    }
    entries.push({
      title: titleLine.text,
      abstract,
      metadata,
      place: at(titleLine),
      listed,
    });
  }
  return entries;
}

/**
 * A count as written in a dump, as a number: it must be exact (at most Number.MAX_SAFE_INTEGER,
 * past which digits are lost) and at least `least`. Anything else is a SourceError at `place`.
 */
function parseCount(digits: string, noun: string, least: number, place: SourcePlace): number {
  const count = Number(digits);
  if (count > Number.MAX_SAFE_INTEGER) {
    const shown = digits.length > 30 ? `a ${formatCount(digits.length)}-digit number of` : digits;
    throw new SourceError(
      place,
      `metadata block: ${shown} ${noun} is more than ingest can count (at most ${Number.MAX_SAFE_INTEGER})`,
    );
  }
  if (count < least)
    throw new SourceError(place, `metadata block: a paper has at least ${least} ${noun.replace(/s$/u, '')}, not ${count}`);
  return count;
}

function parseMetadata(block: Line[], at: (line: Line) => SourcePlace): EntryMetadata {
  const [authorsLine, separatorLine, dateLine, extra] = block;
  const authors = parseCount(AUTHORS_LINE.exec(authorsLine!.text)![1]!, 'authors', 1, at(authorsLine!));
  if (separatorLine?.text !== SEPARATOR_LINE) {
    throw new SourceError(
      at(separatorLine ?? authorsLine!),
      `metadata block: expected "${SEPARATOR_LINE}" after the authors line`,
    );
  }
  if (!dateLine) throw new SourceError(at(separatorLine), 'metadata block: the date line is missing');
  const match = DATE_LINE.exec(dateLine.text);
  const date = match ? parseListingDate(match[1]!) : null;
  if (!match || !date) {
    throw new SourceError(
      at(dateLine),
      `metadata block: "${dateLine.text}" is not a date like "Jan 23, 2024" or "Apr 25" (optionally followed by upvotes)`,
    );
  }
  if (extra) throw new SourceError(at(extra), 'metadata block: unexpected line after the date');
  return {
    authors,
    publishedText: date.text,
    published: date.iso,
    upvotes: match[2] === undefined ? null : parseCount(match[2], 'upvotes', 0, at(dateLine)),
    place: at(authorsLine!),
  };
}
