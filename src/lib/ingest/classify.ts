import {
  DEFAULT_THRESHOLD,
  CONTRIBUTION_WEIGHT,
  MAX_ABSTRACT_REPEATS,
  OTHER_THEME,
  signalRegex,
  TITLE_WEIGHT,
  type ThemeDefinition,
} from '../themes.ts';

export interface Classification {
  /** Theme ids in config order; `other` alone when no theme applies. */
  themes: string[];
  /** Per theme, the words and phrases that put the paper there, strongest first. */
  evidence: Record<string, string[]>;
}

interface CompiledSignal {
  regex: RegExp;
  weight: number;
}

export interface CompiledTheme {
  id: string;
  name: string;
  threshold: number;
  signals: CompiledSignal[];
}

/** Evidence shows at most this many terms per theme. */
const MAX_EVIDENCE_TERMS = 5;

/** Compiles theme signals to whole-word regular expressions (signalRegex; the start of a word is checked by wordMatches). */
export function compileThemes(definitions: readonly ThemeDefinition[]): CompiledTheme[] {
  return definitions.map((theme) => ({
    id: theme.id,
    name: theme.name,
    threshold: theme.threshold ?? DEFAULT_THRESHOLD,
    signals: theme.signals.map((signal) => ({ regex: signalRegex(signal), weight: signal.weight })),
  }));
}

interface Match {
  term: string;
  score: number;
}

/** Words that open the sentence where a paper states its own contribution. */
const CONTRIBUTION_CUE =
  /\b(?:we|our work) (?:propose|introduce|present|develop|design|name|call|investigate)\w*|\bthis (?:paper|work)\b|\bdubbed\b|\bour (?:method|approach|framework|proposed)\b/iu;
const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu})/gu;

/** An abstract with the offsets where its contribution-stating sentences start and end. */
interface Abstract {
  /** The text signals are matched on (see searchableText). */
  text: string;
  /** [start, end) offsets of sentences that state the paper's contribution, in order. */
  statements: [number, number][];
}

function toAbstract(text: string): Abstract {
  const statements: [number, number][] = [];
  let start = 0;
  for (const boundary of [...text.matchAll(SENTENCE_END), { index: text.length, 0: '' }]) {
    const sentence = text.slice(start, boundary.index);
    if (CONTRIBUTION_CUE.test(sentence)) statements.push([start, boundary.index]);
    start = boundary.index + boundary[0].length;
  }
  return { text: searchableText(text), statements };
}

/**
 * Longer than any word: a run of letters, digits and underscores this long (a DNA sequence, a hash,
 * a row of capitals) holds no signal.
 */
export const MAX_WORD_LENGTH = 64;
/**
 * A run too long to be a word, matched from its first character only. It has no fixed text to look
 * for, so it is tried at every position: without the lookbehind, from each letter of every word to
 * the end of the word; with it, a start inside a word fails at once.
 */
const LONG_RUN = new RegExp(`(?<![\\p{L}\\p{N}_])[\\p{L}\\p{N}_]{${MAX_WORD_LENGTH + 1},}`, 'gu');
/** Stands in for a long run: no signal matches it, and it is not a letter or digit, so words around it stay whole. */
const BLANK = '\u0000';

/**
 * The text with every run of more than MAX_WORD_LENGTH letters, digits and underscores blanked
 * out, keeping every offset. A signal's regular expression is tried at every position, and its
 * open-ended parts (`\w*`, `\d+`, `[A-Za-z]*`) scan to the end of the run they start in: on a run
 * of n letters that is n scans of up to n letters each. Runs no longer than a word keep the work
 * in proportion to the text.
 */
function searchableText(text: string): string {
  LONG_RUN.lastIndex = 0;
  return LONG_RUN.test(text) ? text.replace(LONG_RUN, (run) => BLANK.repeat(run.length)) : text;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Matches that begin a word: not preceded by a letter or digit. */
function wordMatches(regex: RegExp, text: string): RegExpExecArray[] {
  regex.lastIndex = 0;
  if (!regex.test(text)) return [];
  regex.lastIndex = 0;
  return [...text.matchAll(regex)].filter((found) => found.index === 0 || !WORD_CHARACTER.test(text[found.index - 1]!));
}

/**
 * A match as evidence shows it: with the parts of the hyphenated compound it ends ("LoRA" of
 * "LQ-LoRA" shows "LQ-LoRA", "Training Data" of "Post-Training Data" shows "Post-Training Data"),
 * since the part before a hyphen is what gives the rest its meaning. Signals match the tail alone
 * (a hyphen begins a word for wordMatches): a pattern that took the parts before it itself, such as
 * `(?:[\p{L}\p{N}]+-){0,2}prun\w*`, would start with no fixed text to look for and be tried at
 * every position of every abstract. What follows a hyphen after the match is left out
 * ("Quantization" of "Quantization-aware" is the word that decided), as is a hyphen with no word
 * before it (a dash). The scan goes back at most MAX_WORD_LENGTH characters, so it costs the same
 * on any text, and leaves out a part it would have to cut, so evidence never starts with a fragment.
 */
function wholeCompound(text: string, found: RegExpExecArray): string {
  const limit = Math.max(0, found.index - MAX_WORD_LENGTH);
  let start = found.index;
  while (text[start - 1] === '-') {
    let partStart = start - 1;
    while (partStart > limit && WORD_CHARACTER.test(text[partStart - 1]!)) partStart--;
    const cut = partStart === limit && partStart > 0 && WORD_CHARACTER.test(text[partStart - 1]!);
    if (partStart === start - 1 || cut) break;
    start = partStart;
  }
  return text.slice(start, found.index) + found[0];
}

/** Whether `offset` is in a contribution-stating sentence: a binary search, as an abstract can have thousands. */
function inStatement({ statements }: Abstract, offset: number): boolean {
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const [start, end] = statements[middle]!;
    if (offset < start) high = middle;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * A signal's score: TITLE_WEIGHT if it is in the title, plus each occurrence in the abstract once,
 * or CONTRIBUTION_WEIGHT times in a sentence that states the paper's own contribution ("we
 * propose …"), up to MAX_ABSTRACT_REPEATS; all times the signal's weight.
 */
function scoreSignal(signal: CompiledSignal, title: string, abstract: Abstract): Match | null {
  const inTitle = wordMatches(signal.regex, title)[0];
  let first = inTitle && wholeCompound(title, inTitle);
  let abstractCount = 0;
  for (const found of wordMatches(signal.regex, abstract.text)) {
    first ??= wholeCompound(abstract.text, found);
    abstractCount += inStatement(abstract, found.index) ? CONTRIBUTION_WEIGHT : 1;
  }
  if (first === undefined) return null;
  const score = signal.weight * ((inTitle ? TITLE_WEIGHT : 0) + Math.min(abstractCount, MAX_ABSTRACT_REPEATS));
  return { term: first, score };
}

export interface ThemeScore {
  id: string;
  score: number;
  threshold: number;
  /** Matched words and phrases, strongest first. */
  terms: string[];
}

/** Scores a paper against every theme, in config order. */
export function scoreThemes(title: string, abstract: string, themes: readonly CompiledTheme[]): ThemeScore[] {
  const prepared = toAbstract(abstract);
  const searchableTitle = searchableText(title);
  return themes.map((theme) => {
    const matches = theme.signals
      .map((signal) => scoreSignal(signal, searchableTitle, prepared))
      .filter((match): match is Match => match !== null);
    const score = matches.reduce((sum, match) => sum + match.score, 0);
    return { id: theme.id, score, threshold: theme.threshold, terms: evidenceTerms(matches) };
  });
}

/**
 * Assigns a paper to every theme whose score reaches its threshold (see scoreThemes): a single
 * passing mention stays below it; a subject named in the title, stated as the contribution or
 * discussed throughout the abstract reaches it. Papers that reach none go to `other`.
 */
export function classify(title: string, abstract: string, themes: readonly CompiledTheme[]): Classification {
  const result: Classification = { themes: [], evidence: {} };
  for (const { id, score, threshold, terms } of scoreThemes(title, abstract, themes)) {
    if (score < threshold) continue;
    result.themes.push(id);
    result.evidence[id] = terms;
  }
  if (result.themes.length === 0) result.themes.push(OTHER_THEME.id);
  return result;
}

function evidenceTerms(matches: Match[]): string[] {
  const seen = new Set<string>();
  return matches
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term, 'en'))
    .map((match) => match.term)
    .filter((term) => {
      const folded = term.toLowerCase();
      if (seen.has(folded)) return false;
      seen.add(folded);
      return true;
    })
    .slice(0, MAX_EVIDENCE_TERMS);
}
