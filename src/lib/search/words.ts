/**
 * The words Pagefind 1.5.2 indexes and searches for, reproduced so that search from disk finds the
 * same papers as Pagefind on a hosted site. Each function names the Pagefind source it mirrors:
 * indexing in `pagefind/src/fossick/splitting.rs` (get_indexable_words), the query in
 * `pagefind_web_js/lib/coupled_search.ts` (search) and `pagefind_web/src/search.rs` (stems_from_term).
 * Pure: used by the index builder in Node and by the search script in the browser.
 */
import EnglishStemmer from './snowball/english-stemmer.js';

const stemmer = new EnglishStemmer();
const stems = new Map<string, string>();

/** Snowball's English stemmer, the one Pagefind compiles in (`pagefind_stem`). */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer.stem(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Pagefind's default "include characters": the connector punctuation (`_` and kin) counts as part of a word. */
const WORD_SYMBOL = /^\p{Pc}$/u;
/** Rust's `char::is_alphanumeric`: Alphabetic, or a number of any kind. */
const ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;
const UPPERCASE = /^\p{Uppercase}$/u;
/** Rust's `split_whitespace` splits on Unicode White_Space (JavaScript's \s also splits on U+FEFF). */
export const WHITESPACE = /\p{White_Space}+/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/gu;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ASCII = /^\p{ASCII}*$/u;

/** "café" -> "cafe": Pagefind indexes and searches words without their accents. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Letters, digits and word symbols of a word, lower-cased: Pagefind's "normalized word". */
function normalizedWord(word: string): string {
  let normalized = '';
  for (const char of word) {
    if (ALPHANUMERIC.test(char) || WORD_SYMBOL.test(char)) normalized += UPPERCASE.test(char) ? char.toLowerCase() : char;
  }
  return normalized;
}

const isUpper = (grapheme: string): boolean =>
  grapheme.toUpperCase() !== grapheme.toLowerCase() && grapheme === grapheme.toUpperCase();
const isLower = (grapheme: string): boolean =>
  grapheme.toUpperCase() !== grapheme.toLowerCase() && grapheme === grapheme.toLowerCase();
const isDigit = (grapheme: string): boolean => /^[0-9]+$/u.test(grapheme);

/**
 * Where convert_case 0.11 (`to_case(Case::Lower)`, default boundaries) starts a new word inside
 * `text[i…]`: at a space (consumed), between lower and upper case ("LoRA" -> "Lo RA"), between
 * letters and digits, and before the last capital of an acronym ("HTTPRequest" -> "HTTP Request").
 */
function splitsBefore(text: readonly string[], i: number): 'space' | 'next' | null {
  const [a = '', b = '', c = ''] = [text[i], text[i + 1], text[i + 2]];
  if (a === ' ') return 'space';
  if (isLower(a) && isUpper(b)) return 'next';
  if ((isLower(a) || isUpper(a)) && isDigit(b)) return 'next';
  if (isDigit(a) && (isLower(b) || isUpper(b))) return 'next';
  if (isUpper(a) && isUpper(b) && isLower(c)) return 'next';
  return null;
}

/** The parts of a compound word ("LQ-LoRA" -> "lq lo ra"): Pagefind's get_discrete_words. */
function compoundParts(word: string): string[] {
  const spaced = word.replace(ASCII_PUNCTUATION, ' ');
  // In ASCII every character is a grapheme (but CR LF, which a word never holds): skip the segmenter.
  const text = ASCII.test(spaced) ? [...spaced] : [...graphemes.segment(spaced)].map(({ segment }) => segment);
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const split = splitsBefore(text, i);
    if (split === 'space') {
      parts.push(current);
      current = '';
    } else {
      current += text[i];
      if (split === 'next') {
        parts.push(current);
        current = '';
      }
    }
  }
  parts.push(current);
  return parts
    .map((part) => part.toLowerCase())
    .join(' ')
    .split(WHITESPACE)
    .filter(Boolean);
}

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Emoji, which Pagefind also indexes on their own (with or without the emoji variation selector, as
 * its `emojis` crate). Every emoji holds a pictograph, a regional indicator (flags) or a keycap mark.
 */
const MAYBE_EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const isEmoji = (grapheme: string): boolean =>
  MAYBE_EMOJI.test(grapheme) && (RGI_EMOJI.test(grapheme) || RGI_EMOJI.test(`${grapheme}\uFE0F`));

/**
 * The stems Pagefind indexes for one whitespace-separated word of a page: the whole word without
 * punctuation ("fine-tuning" -> "finetun"), and for a compound word ("LQ-LoRA", "QLoRA",
 * "fine-tuning") also its parts of two or more bytes ("lq", "lo", "ra"; "fine", "tune").
 */
export function indexedStems(rawWord: string): readonly string[] {
  let found = indexed.get(rawWord);
  if (!found) indexed.set(rawWord, (found = stemsOfWord(rawWord)));
  return found;
}
const indexed = new Map<string, string[]>();

function stemsOfWord(rawWord: string): string[] {
  const word = rawWord.replaceAll('\u200B', '');
  const found: string[] = [];
  const normalized = normalizedWord(word);
  if (normalized) found.push(stem(withoutDiacritics(normalized)));
  const possiblyCompound = [...word].some((char, index) => !ALPHANUMERIC.test(char) || (index > 0 && UPPERCASE.test(char)));
  if (!possiblyCompound) return found;
  const parts = compoundParts(word);
  if (normalized && (parts.length > 1 || !normalized.startsWith(parts.join(' ')))) {
    for (const part of parts) if (utf8Length(part) > 1) found.push(stem(withoutDiacritics(part)));
  }
  if (MAYBE_EMOJI.test(word)) {
    for (const { segment } of graphemes.segment(word)) if (isEmoji(segment)) found.push(segment);
  }
  return found;
}

/** Every stem Pagefind indexes for a text. */
export function textStems(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of text.split(WHITESPACE)) if (word) for (const stemmed of indexedStems(word)) found.add(stemmed);
  return found;
}

/** Punctuation Pagefind drops from a query (its test is written this way; for one grapheme it means "any of these"). */
const QUERY_PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/**
 * A query as Pagefind searches it: punctuation dropped ("fine-tuning" -> "finetuning", "&" -> ""),
 * lower case, single spaces, no accents. Its words are what `queryTerms` splits.
 */
export function normalizeQuery(query: string): string {
  let kept = '';
  for (const { segment } of graphemes.segment(query)) {
    if (WORD_SYMBOL.test(segment)) kept += segment;
    else if (!QUERY_PUNCTUATION.test(segment)) kept += segment.toLocaleLowerCase();
  }
  return withoutDiacritics(kept.replace(/\s{2,}/gu, ' ').trim());
}

/** The words of a normalized query (split on single spaces, as Pagefind does), each with its stem. */
export function queryTerms(normalized: string): { word: string; stem: string }[] {
  if (normalized.trim() === '') return [];
  return normalized.split(' ').map((word) => ({ word, stem: stem(word) }));
}

/** Rust orders strings by UTF-8 bytes, which is code point order; JavaScript's `<` compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    if (x.value !== y.value) return x.value.codePointAt(0)! - y.value.codePointAt(0)!;
  }
}
