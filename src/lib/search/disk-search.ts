/**
 * Search from disk: where Pagefind cannot load its index (file://), the search page loads a small
 * index as a classic script and searches it with this module. It finds the papers Pagefind would
 * find for the same words (see words.ts), in a form that stays small at 10,000 papers: stems with
 * the papers they occur in, and per paper what a result card shows. Pagefind loads its word index in
 * chunks and only extends a prefix within the chunks it loaded; this index is one piece, so a prefix
 * finds every word it starts, which is at least what Pagefind finds.
 * Pure: the builder (disk-index.ts) and the browser script both use it.
 */
import type { SearchRecord } from './records.ts';
import { compareCodePoints, indexedStems, normalizeQuery, queryTerms, textStems, WHITESPACE } from './words.ts';

/** A paper in the index: slug, title, ISO date or '', upvotes, themes as bits of `themes`, the start of its abstract. */
export type IndexedPaper = [slug: string, title: string, date: string, upvotes: number, themes: number, excerpt: string];

/** The index as search/disk-index.js assigns it to `papershelfDiskIndex`. */
export interface DiskIndexData {
  /** Theme names, in site order; a paper's themes are bits over this list. */
  themes: string[];
  papers: IndexedPaper[];
  /** Every stem of every paper's title, abstract and theme names, in code point order, joined by spaces. */
  words: string;
  /** For each word, the numbers of the papers it occurs in (see encodeNumbers), joined by spaces. */
  postings: string;
  /** The same for titles alone, to rank papers whose title has a word first. */
  titlePostings: string;
}

/** Words of the abstract a result shows (Pagefind shows 32 around the best match; this stays small). */
export const EXCERPT_WORDS = 24;

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUES = new Map([...DIGITS].map((digit, value) => [digit, value]));

/**
 * Ascending numbers as the gaps between them, each in base 32 with the low digits first and a
 * continuation flag (VLQ, as in source maps): a gap under 32 takes one character.
 */
export function encodeNumbers(numbers: readonly number[]): string {
  let code = '';
  let previous = -1;
  for (const number of numbers) {
    let gap = number - previous - 1;
    previous = number;
    while (gap >= 32) {
      code += DIGITS[32 + (gap % 32)];
      gap = Math.floor(gap / 32);
    }
    code += DIGITS[gap];
  }
  return code;
}

export function decodeNumbers(code: string): number[] {
  const numbers: number[] = [];
  let previous = -1;
  let gap = 0;
  let scale = 1;
  for (const digit of code) {
    const value = DIGIT_VALUES.get(digit)!;
    if (value >= 32) {
      gap += (value - 32) * scale;
      scale *= 32;
    } else {
      previous += gap + value * scale + 1;
      numbers.push(previous);
      gap = 0;
      scale = 1;
    }
  }
  return numbers;
}

function excerptOf(abstract: string): string {
  const words = abstract.split(WHITESPACE).filter(Boolean);
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : words.join(' ');
}

/** Builds the index. Papers keep their order: a paper's number is its place in `papers`. */
export function buildDiskIndex(papers: readonly SearchRecord[], themes: readonly string[]): DiskIndexData {
  const pages = new Map<string, number[]>();
  const titles = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, word: string, paper: number): void => {
    const list = map.get(word);
    if (list) list.push(paper);
    else map.set(word, [paper]);
  };
  papers.forEach((paper, number) => {
    const inTitle = textStems(paper.title);
    // The theme names as Pagefind reads them from the paper page's `themes` metadata.
    const all = new Set([...inTitle, ...textStems(paper.text), ...textStems(paper.themes.join(', '))]);
    for (const word of all) add(pages, word, number);
    for (const word of inTitle) add(titles, word, number);
  });
  const words = [...pages.keys()].sort(compareCodePoints);
  const themeBit = new Map(themes.map((name, index) => [name, 2 ** index]));
  return {
    themes: [...themes],
    papers: papers.map((paper) => [
      paper.slug,
      paper.title,
      paper.published ?? '',
      paper.upvotes ?? 0,
      paper.themes.reduce((bits, name) => bits + (themeBit.get(name) ?? 0), 0),
      excerptOf(paper.text),
    ]),
    words: words.join(' '),
    postings: words.map((word) => encodeNumbers(pages.get(word)!)).join(' '),
    titlePostings: words.map((word) => encodeNumbers(titles.get(word) ?? [])).join(' '),
  };
}

export type DiskSort = '' | 'date' | 'upvotes';

export interface DiskSearchOptions {
  /** Only papers in the theme with this name. */
  theme?: string;
  /** '' for best match first, else newest or most upvoted first. */
  sort?: DiskSort;
  /** How many results to describe (all are counted). */
  limit?: number;
}

/** A piece of a result's excerpt: words that match the query are marked, as Pagefind marks them. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface DiskResult {
  slug: string;
  title: string;
  themes: string[];
  excerpt: ExcerptPart[];
}

export interface DiskSearchResponse {
  total: number;
  results: DiskResult[];
}

/** The index loaded for searching; words' postings are decoded when a query first needs them. */
export class DiskSearch {
  readonly #data: DiskIndexData;
  readonly #words: string[];
  readonly #postings: string[];
  readonly #titlePostings: string[];
  readonly #decoded = new Map<string[], Map<number, number[]>>();
  /** Each theme's name, as the stems a query word must match. */
  readonly #themeStems: string[][];

  constructor(data: DiskIndexData) {
    this.#data = data;
    this.#words = data.words.split(' ');
    this.#postings = data.postings.split(' ');
    this.#titlePostings = data.titlePostings.split(' ');
    this.#themeStems = data.themes.map((name) => [...textStems(name)]);
  }

  /** Where `word` is in sorted `list`, or where it would go. */
  static #position(list: readonly string[], word: string): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareCodePoints(list[middle]!, word) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #papersOf(word: number, postings: string[]): number[] {
    let decoded = this.#decoded.get(postings);
    if (!decoded) this.#decoded.set(postings, (decoded = new Map()));
    let papers = decoded.get(word);
    if (!papers) decoded.set(word, (papers = decodeNumbers(postings[word]!)));
    return papers;
  }

  /**
   * The words a query word matches (pagefind_web's find_word_extensions): every word that
   * starts with its stem, or if there is none, the longest word its stem starts with.
   */
  #matchingWords(stem: string): number[] {
    const extensions: number[] = [];
    for (
      let index = DiskSearch.#position(this.#words, stem);
      index < this.#words.length && this.#words[index]!.startsWith(stem);
      index++
    ) {
      extensions.push(index);
    }
    if (extensions.length > 0) return extensions;
    const chars = [...stem];
    for (let length = chars.length - 1; length > 0; length--) {
      const prefix = chars.slice(0, length).join('');
      const index = DiskSearch.#position(this.#words, prefix);
      if (this.#words[index] === prefix) return [index];
    }
    return [];
  }

  /** The themes whose names have one of these words, as bits over the index's themes. */
  #themeBitsOf(words: readonly number[]): number {
    const wanted = new Set(words.map((word) => this.#words[word]!));
    return this.#themeStems.reduce(
      (bits, stems, index) => (stems.some((stem) => wanted.has(stem)) ? bits | (2 ** index) : bits),
      0,
    );
  }

  search(query: string, options: DiskSearchOptions = {}): DiskSearchResponse {
    const { theme = '', sort = '', limit = Infinity } = options;
    const terms = queryTerms(normalizeQuery(query));
    const paperCount = this.#data.papers.length;
    const scores = new Float64Array(paperCount);
    const termsMatched = new Uint16Array(paperCount);
    const matchedWords = new Set<string>();
    let termsFound = 0;
    for (const term of terms) {
      const words = this.#matchingWords(term.stem);
      // A word that matches nothing is left out, as Pagefind leaves it out, unless no word matches.
      if (words.length === 0) continue;
      termsFound++;
      // 1: the paper has the word; 2: in the name of one of its themes; 3: in its title (a title
      // counts three times). A theme's name ranks the theme's papers above papers that only use the word.
      const weight = new Uint8Array(paperCount);
      let papersWithTerm = 0;
      const themeBits = this.#themeBitsOf(words);
      const papers = this.#data.papers;
      for (const word of words) {
        matchedWords.add(this.#words[word]!);
        for (const paper of this.#papersOf(word, this.#postings)) {
          if (weight[paper] === 0) papersWithTerm++;
          weight[paper] = Math.max(weight[paper]!, papers[paper]![4] & themeBits ? 2 : 1);
        }
        for (const paper of this.#papersOf(word, this.#titlePostings)) weight[paper] = 3;
      }
      // Rarer words weigh more (BM25's idf).
      const rarity = Math.log(1 + (paperCount - papersWithTerm + 0.5) / (papersWithTerm + 0.5));
      weight.forEach((times, paper) => {
        if (times === 0) return;
        termsMatched[paper]!++;
        scores[paper]! += rarity * times;
      });
    }
    if (terms.length > 0 && termsFound === 0) return { total: 0, results: [] };
    const papers = this.#data.papers;
    const themeBit = this.#data.themes.includes(theme) ? 2 ** this.#data.themes.indexOf(theme) : 0;
    const matches: number[] = [];
    for (let paper = 0; paper < paperCount; paper++) {
      if (termsMatched[paper] === termsFound && (!theme || papers[paper]![4] & themeBit)) matches.push(paper);
    }
    const order: Record<DiskSort, (a: number, b: number) => number> = {
      '': (a, b) => scores[b]! - scores[a]! || papers[b]![3] - papers[a]![3] || a - b,
      date: (a, b) => compareCodePoints(papers[b]![2], papers[a]![2]) || a - b,
      upvotes: (a, b) => papers[b]![3] - papers[a]![3] || a - b,
    };
    matches.sort(order[sort]);
    return { total: matches.length, results: matches.slice(0, limit).map((paper) => this.#result(paper, matchedWords)) };
  }

  #result(number: number, matchedWords: ReadonlySet<string>): DiskResult {
    const [slug, title, , , themeBits, excerpt] = this.#data.papers[number]!;
    return {
      slug,
      title,
      themes: this.#data.themes.filter((_, index) => themeBits & (2 ** index)),
      excerpt: excerpt
        .split(/(\s+)/u)
        .filter(Boolean)
        .map((text) => ({ text, marked: indexedStems(text).some((word) => matchedWords.has(word)) })),
    };
  }
}

/** The global search/disk-index.js assigns. */
export const DISK_INDEX_GLOBAL = 'papershelfDiskIndex';

declare global {
  /** Assigned by search/disk-index.js. */
  var papershelfDiskIndex: DiskIndexData | undefined;
  /** Assigned by scripts/disk-search.js: loads the index for searching. */
  var papershelfDiskSearch: ((data: DiskIndexData) => DiskSearch) | undefined;
}
