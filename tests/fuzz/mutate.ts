/**
 * Hostile variations of real dumps for the fuzz test: a window of a seed dump's lines, mutated a few
 * times over (lines dropped, duplicated, swapped, truncated, bytes flipped, CRLF and BOMs mixed in,
 * long runs and TeX and metadata look-alikes inserted), all from a seeded PRNG, so that a case is the
 * same on every machine and a failure can be replayed from its seed.
 */
import { seededRandom } from '../../bench/synthetic-dumps.ts';
import type { SourceFile } from '../../src/lib/ingest/pipeline.ts';
import { PATHOLOGICAL_TEXTS } from './pathological.ts';

type Random = () => number;

/** One fuzz case: the dumps it ingests, its overrides when it has any, and what was done to make it. */
export interface FuzzCase {
  seed: number;
  sources: SourceFile[];
  overridesText?: string;
  steps: string[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

/** A line to change: mostly one with text, as changing a blank line mostly joins two paragraphs, which ingest refuses early. */
function someLine(lines: readonly string[], random: Random): number {
  const withText = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]));
  return withText.length > 0 && random() < 0.85 ? pick(random, withText) : between(random, 0, lines.length - 1);
}

const INSERTS = [
  '• 0 authors',
  '  • 3 authors',
  '• 99999999999999999999 authors',
  '·',
  'Feb 31',
  'Feb 29',
  'Mar 14',
  'Feb 29, 2023 5',
  'Jan 23, 2024 99999999999999999999',
  'Apr 25 2',
  '\\textbf{}',
  '{\\em }',
  '\\textcolor[rgb]{1,0,0}{}',
  'new',
  'Daily Papers',
  '',
  '   ',
  '\t',
  'https://example.org/a~b{c}',
  '<script>alert(1)</script>',
  '*_[`](x)',
  '~~~',
  '\u{feff}',
  'a\u{200b}b\u{202e}c\u{0301}',
  '😀🚀',
];

const COUNTS = ['0', '1', '007', '9007199254740991', '9007199254740992', '99999999999999999999', '1'.repeat(400)];
const DATES = [
  'Feb 31',
  'Feb 30',
  'Feb 29',
  'Apr 31',
  'Dec 0',
  'Jan 99',
  'Feb 29, 2023',
  'Feb 29, 2024',
  'Jan 1, 0000',
  'Mar 14, 9999',
];
const TEX_ONLY = ['\\textbf{}', '{\\em }', '\\emph{} \\textit{}', '\\textcolor[rgb]{1,0,0}{ }', '$$', '\\%', '~'];

/** A value a line of metadata, a listing date, a title or an abstract could hold but should not. */
function replacement(line: string, random: Random): string | null {
  if (/^\s*•\s*\d+\s+authors?$/u.test(line)) return line.replace(/\d+/u, pick(random, COUNTS));
  const date = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(?:, \d{4})?(?: (\d+))?$/u.exec(line);
  if (date) return `${pick(random, DATES)}${date[1] !== undefined || random() < 0.5 ? ` ${pick(random, COUNTS)}` : ''}`;
  if (line.trim() === '' || line === '·') return null;
  return random() < 0.5 ? pick(random, TEX_ONLY) : `${pick(random, TEX_ONLY)}${line}`;
}

/** Mutations of a dump's lines: each returns a description of what it did. */
const LINE_MUTATIONS: Readonly<Record<string, (lines: string[], random: Random) => string>> = {
  'bad value'(lines, random) {
    const at = someLine(lines, random);
    const value = replacement(lines[at]!, random);
    if (value === null) return `nothing to change on line ${at + 1}`;
    lines[at] = value;
    return `line ${at + 1} is now ${JSON.stringify(value.slice(0, 60))}`;
  },
  drop(lines, random) {
    const at = between(random, 0, lines.length - 1);
    lines.splice(at, 1);
    return `drop line ${at + 1}`;
  },
  duplicate(lines, random) {
    const at = between(random, 0, lines.length - 1);
    lines.splice(at, 0, lines[at]!);
    return `duplicate line ${at + 1}`;
  },
  swap(lines, random) {
    const [a, b] = [between(random, 0, lines.length - 1), between(random, 0, lines.length - 1)];
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return `swap lines ${a + 1} and ${b + 1}`;
  },
  'copy a block'(lines, random) {
    const start = between(random, 0, lines.length - 1);
    const block = lines.slice(start, start + between(random, 1, 12));
    const to = between(random, 0, lines.length);
    lines.splice(to, 0, ...block);
    return `copy lines ${start + 1}+${block.length} to ${to + 1}`;
  },
  insert(lines, random) {
    const at = between(random, 0, lines.length);
    const line = pick(random, INSERTS);
    lines.splice(at, 0, line);
    return `insert ${JSON.stringify(line)} at ${at + 1}`;
  },
  'insert into a line'(lines, random) {
    const at = someLine(lines, random);
    const text = pick(random, INSERTS);
    const line = lines[at]!;
    const cut = between(random, 0, line.length);
    lines[at] = line.slice(0, cut) + text + line.slice(cut);
    return `insert ${JSON.stringify(text)} into line ${at + 1}`;
  },
  'long run'(lines, random) {
    const at = someLine(lines, random);
    const [name, make] = pick(random, Object.entries(PATHOLOGICAL_TEXTS));
    const length = between(random, 100, 25_000);
    const line = lines[at]!;
    const cut = between(random, 0, line.length);
    lines[at] = line.slice(0, cut) + make(length) + line.slice(cut);
    return `insert ${length} characters of ${name} into line ${at + 1}`;
  },
  'trailing white space'(lines, random) {
    const at = someLine(lines, random);
    lines[at] += pick(random, [' ', '\t', '  \t ', '\u{a0}', '\u{3000}']);
    return `trailing white space on line ${at + 1}`;
  },
};

/** Mutations of a dump's bytes, after its lines are joined. */
const BYTE_MUTATIONS: Readonly<Record<string, (bytes: Uint8Array, random: Random) => [Uint8Array, string]>> = {
  truncate(bytes, random) {
    const at = between(random, 0, bytes.length);
    return [bytes.subarray(0, at), `truncate at byte ${at}`];
  },
  'flip a byte'(bytes, random) {
    const copy = new Uint8Array(bytes);
    const at = between(random, 0, Math.max(0, copy.length - 1));
    const mask = 1 << between(random, 0, 7);
    copy[at] = copy[at]! ^ mask;
    return [copy, `flip bit ${mask} of byte ${at}`];
  },
  'BOM inside'(bytes, random) {
    const at = between(random, 0, bytes.length);
    return [concat(bytes.subarray(0, at), new Uint8Array([0xef, 0xbb, 0xbf]), bytes.subarray(at)), `BOM at byte ${at}`];
  },
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Where the entries of a dump start: a title-length line between blank lines, followed by an abstract-length one. */
function titleLines(lines: readonly string[]): number[] {
  const starts: number[] = [];
  for (let index = 1; index + 2 < lines.length; index++) {
    const blankAround = lines[index - 1]!.trim() === '' && lines[index + 1]!.trim() === '';
    const title = lines[index]!.trim();
    if (blankAround && title !== '' && title.length < 300 && lines[index + 2]!.trim().length > 300) starts.push(index);
  }
  return starts;
}

/** A mutated window of `seed`'s lines, named `name`. */
function mutateDump(name: string, seed: string, random: Random, steps: string[]): SourceFile {
  const all = seed.split('\n');
  // The header (page chrome, listing date) and a window of entries, or the whole file. Windows
  // mostly start and end at a title, so that mutations, not the cut, decide what ingest sees.
  const titles = titleLines(all);
  const header = all.slice(0, titles[0] ?? 0);
  let lines: string[];
  if (random() < 0.1 || titles.length < 2) lines = [...all];
  else {
    const aligned = random() < 0.85;
    const first = between(random, 0, titles.length - 2);
    const start = aligned ? titles[first]! : between(random, header.length, all.length - 1);
    const end = aligned ? (titles[first + between(random, 1, 6)] ?? all.length) : start + between(random, 4, 60);
    lines = [...(random() < 0.9 ? header : []), ...all.slice(start, end)];
  }
  const roll = random();
  const count = roll < 0.3 ? 0 : roll < 0.65 ? 1 : between(random, 2, 4);
  for (let index = 0; index < count && lines.length > 0; index++) {
    const [mutation, apply] = pick(random, Object.entries(LINE_MUTATIONS));
    steps.push(`${name}: ${mutation}: ${apply(lines, random)}`);
  }
  const crlf = random();
  const ends = crlf < 0.7 ? ['\n'] : crlf < 0.85 ? ['\r\n'] : ['\n', '\r\n', '\r'];
  if (ends.length > 1 || ends[0] !== '\n') steps.push(`${name}: line ends ${JSON.stringify(ends)}`);
  let text = lines[0] ?? '';
  for (let index = 1; index < lines.length; index++) text += pick(random, ends) + lines[index];
  if (random() < 0.1) {
    text = `\u{feff}${text}`;
    steps.push(`${name}: BOM`);
  }
  let bytes: Uint8Array = new TextEncoder().encode(text);
  if (random() < 0.15) {
    const [mutation, apply] = pick(random, Object.entries(BYTE_MUTATIONS));
    const [mutated, step] = apply(bytes, random);
    bytes = mutated;
    steps.push(`${name}: ${mutation}: ${step}`);
  }
  return { name, bytes };
}

const OVERRIDES = [
  '{}',
  '',
  '{ "no-such-paper": { "add": ["lora"], "note": "n" } }',
  '{ "__proto__": { "add": ["lora"], "note": "n" } }',
  '[]',
  'null',
  '{ "x": { "add": ["nope"], "note": "n" } }',
  '{ "x": 1 }',
  '\u{feff}{}',
];

/** Fuzz case number `seed`: one to three mutated dumps, from the seed dumps' texts, sometimes with overrides. */
export function fuzzCase(seed: number, seedDumps: readonly string[]): FuzzCase {
  const random = seededRandom(seed);
  const steps: string[] = [];
  const sources = Array.from({ length: between(random, 1, 3) }, (_, index) => {
    const from = between(random, 0, seedDumps.length - 1);
    steps.push(`d${index}.txt: from seed dump ${from}`);
    return mutateDump(`d${index}.txt`, seedDumps[from]!, random, steps);
  });
  if (random() < 0.1) {
    const overridesText = pick(random, OVERRIDES);
    steps.push(`overrides ${JSON.stringify(overridesText)}`);
    return { seed, sources, overridesText, steps };
  }
  return { seed, sources, steps };
}
