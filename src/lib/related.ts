/**
 * Related papers, computed at build time: papers that share what is distinctive about a paper (its
 * title's words, method names such as LoRA or GaLore, multi-word terms such as "knowledge
 * distillation") and its themes. Words every abstract uses ("large language models",
 * "state-of-the-art", "Transformer-based") count for nothing.
 *
 * Each paper becomes a TF-IDF vector over stemmed words (Snowball, as search uses), the parts of
 * compound words and adjacent word pairs, with words from the title and method names weighted up.
 * Stopwords, generic words and terms in more than MAX_DOCUMENT_SHARE of the papers are dropped:
 * they are what every abstract says. Candidates come from an inverted index over each paper's
 * QUERY_TERMS highest-weighted terms, with at most MAX_POSTINGS papers per term, so the work grows
 * linearly with the number of papers rather than with every pair of them. A candidate's score is
 * its cosine similarity, multiplied by 1 + THEME_BOOST for each theme the two papers share: a paper
 * on the same subject and in the same theme comes before one that only shares words.
 */
import { stem } from './search/words.ts';
import { OTHER_THEME } from './themes.ts';

export interface RelatedInput {
  id: string;
  /** The paper's title: its words count TITLE_WEIGHT times. Left out, `text` is all there is. */
  title?: string;
  /** The abstract as plain text. */
  text: string;
  /** The paper's themes (not the catch-all): papers that share one rank higher. */
  themes?: readonly string[];
}

/**
 * What a paper's related papers are computed from: its title, the abstract as readers see it and its
 * themes, but the catch-all (two papers that fit no theme have no subject in common for that).
 */
export function relatedInput(paper: { slug: string; title: string; abstract: string; themes: readonly string[] }): RelatedInput {
  return {
    id: paper.slug,
    title: paper.title,
    text: paper.abstract,
    themes: paper.themes.filter((id) => id !== OTHER_THEME.id),
  };
}

/** Words that say nothing about a subject, English and academic alike. */
const STOPWORDS = new Set(
  `a about above across after again against all also although among an and any are as at be because been before being
  between both but by can could did do does doing during each either et etc few for from further had has have having here
  how however i if in into is it its itself just less may might more most much must no nor not of off on once one only or
  other our ours out over own per same should since so some such than that the their them then there these they this those
  through thus to too two under until up upon us very via was we well were what when where whether which while who whom why
  will with within without would yet
  able achieve achieved achieves achieving across address addresses advances approach approaches art based benchmark
  benchmarks better challenge challenges code competitive comprehensive consistently crucial demonstrate demonstrated
  demonstrates despite effective effectively effectiveness efficient efficiently enable enables enhance enhanced enhancing
  existing experiment experimental experiments extensive finally first furthermore github https http improve improved
  improvement improvements improves improving including introduce introduced key leverage leveraging limited little main
  making method methods model models moreover namely new novel often outperform outperforms paper particular particularly
  performance performs present presents previous prior problem problems propose proposed proposes provide provides recent
  recently remain remains result results second significant significantly simple state strong studies study substantially
  superior task tasks three towards understanding various whereas wide widely work works`.split(/\s+/u),
);

/** Words every machine-learning abstract uses: no more distinctive than a stopword, whatever the corpus. */
const GENERIC = new Set(
  'ai deep dnn dnns language languages large llm llms machine neural network networks sota transformer transformers'.split(' '),
);

/** A word in the title counts this many times as one in the abstract: titles name the subject. */
const TITLE_WEIGHT = 3;
/** A method name (LoRA, GaLore, RLHF: capitals after the first letter) counts this many times as a plain word. */
const NAME_WEIGHT = 2;
/** A pair of adjacent words ("knowledge distillation") counts this many times as one of its words. */
const PAIR_WEIGHT = 1.5;
/** Terms in more papers than this share (and more than MIN_COMMON) are what every abstract says, and are dropped. */
const MAX_DOCUMENT_SHARE = 0.3;
const MIN_COMMON = 3;
/**
 * A term finds at most this many candidates: the papers where it weighs most. So the work per paper
 * is bounded, and the search grows linearly with the number of papers.
 */
const MAX_POSTINGS = 100;
/** Terms per paper used to look up candidates: its highest-weighted ones. */
const QUERY_TERMS = 30;
/** Each theme two papers share multiplies their similarity by 1 + this. */
const THEME_BOOST = 2;

/** A word, or punctuation that ends a phrase (no word pair spans it). */
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[.,;:!?()[\]{}"“”]/gu;
const PHRASE_END = /^[.,;:!?()[\]{}"“”]$/u;
const DIGITS = /^\p{N}+$/u;
const NAME = /^\p{L}[\p{L}\p{N}]*\p{Lu}/u;
/** A pair's key is `first * PAIR_KEY + second`: exact in a double for term numbers below 2^26, far more than any library has. */
const PAIR_KEY = 2 ** 26;

const isDull = (word: string): boolean => word.length < 2 || STOPWORDS.has(word) || GENERIC.has(word) || DIGITS.test(word);

/** A word's terms: the stem of the whole word and, for a compound ("low-rank"), the stems of its parts. */
function wordTerms(word: string): string[] {
  const lower = word.toLowerCase();
  if (isDull(lower)) return [];
  const parts = lower.split(/['’-]/u);
  if (parts.length === 1) return [stem(lower)];
  const meaningful = parts.filter((part) => !isDull(part));
  // "state-of-the-art", "Transformer-based": a compound made of words every abstract uses is one of them.
  if (meaningful.length === 0) return [];
  return [stem(parts.join('')), ...meaningful.map((part) => stem(part))];
}

/**
 * Terms as numbers, what each word of the texts holds (worked out once per distinct word), and the
 * counts of the paper being read, in an array indexed by term: at 10,000 papers a map per paper kept
 * the garbage collector busier than the counting.
 */
class Vocabulary {
  size = 0;
  private readonly numbers = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  private readonly words = new Map<string, { terms: number[]; weight: number }>();
  private counts = new Float64Array(1024);
  /** The terms the paper being read has counted so far. */
  private readonly counted: number[] = [];

  private number(term: string): number {
    let number = this.numbers.get(term);
    if (number === undefined) this.numbers.set(term, (number = this.size++));
    return number;
  }

  /** A word's term numbers (the whole word's first) and how much it counts: more for a method name. */
  private word(word: string): { terms: number[]; weight: number } {
    let found = this.words.get(word);
    if (!found) {
      found = { terms: wordTerms(word).map((term) => this.number(term)), weight: NAME.test(word) ? NAME_WEIGHT : 1 };
      this.words.set(word, found);
    }
    return found;
  }

  private pair(first: number, second: number): number {
    const key = first * PAIR_KEY + second;
    let number = this.pairs.get(key);
    if (number === undefined) this.pairs.set(key, (number = this.size++));
    return number;
  }

  private count(term: number, amount: number): void {
    if (term >= this.counts.length) {
      const grown = new Float64Array(Math.max(this.counts.length * 2, term + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    if (this.counts[term] === 0) this.counted.push(term);
    this.counts[term]! += amount;
  }

  /** Counts a text's terms and word pairs, each occurrence `weight` times. */
  read(text: string, weight: number): void {
    let previous = -1;
    for (const token of text.match(TOKEN) ?? []) {
      const { terms, weight: wordWeight } = token.length === 1 && PHRASE_END.test(token) ? NO_TERMS : this.word(token);
      if (terms.length === 0) {
        previous = -1;
        continue;
      }
      for (const term of terms) this.count(term, weight * wordWeight);
      if (previous >= 0) this.count(this.pair(previous, terms[0]!), weight * PAIR_WEIGHT);
      previous = terms[0]!;
    }
  }

  /** Moves the counts of the paper just read to the end of `terms` and `counts`, ready for the next paper. */
  takeCounts(terms: Growing<Int32Array>, counts: Growing<Float64Array>): void {
    for (const term of this.counted) {
      terms.push(term);
      counts.push(this.counts[term]!);
      this.counts[term] = 0;
    }
    this.counted.length = 0;
  }
}
const NO_TERMS = { terms: [], weight: 0 };

/** A typed array that grows as numbers are added: for a million counts, far lighter than a plain array. */
class Growing<T extends Int32Array | Float64Array> {
  length = 0;
  private array: T;
  private readonly make: (length: number) => T;

  constructor(make: (length: number) => T) {
    this.make = make;
    this.array = make(1024);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = this.make(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  /** The numbers added, as a typed array of their own length. */
  values(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

/**
 * Every paper's terms and weights, flattened: paper `p`'s are at positions `start[p]` up to
 * `start[p + 1]`. Typed arrays, one set for all papers: at 10,000 papers, an object per paper and
 * per term kept the garbage collector busier than the scoring.
 */
interface Vectors {
  start: Int32Array;
  terms: Int32Array;
  /** Unit length per paper; 0 for a term dropped as one every abstract uses. */
  weights: Float64Array;
  documentFrequency: Int32Array;
}

/** Unit-length TF-IDF vectors over the terms that are not in every other abstract, with terms as numbers. */
function tfidfVectors(inputs: readonly RelatedInput[]): Vectors {
  const vocabulary = new Vocabulary();
  const start = new Int32Array(inputs.length + 1);
  const growingTerms = new Growing((length) => new Int32Array(length));
  const growingCounts = new Growing((length) => new Float64Array(length));
  inputs.forEach((input, index) => {
    if (input.title !== undefined) vocabulary.read(input.title, TITLE_WEIGHT);
    vocabulary.read(input.text, 1);
    vocabulary.takeCounts(growingTerms, growingCounts);
    start[index + 1] = growingTerms.length;
  });
  const terms = growingTerms.values();
  const raw = growingCounts.values();
  const documentFrequency = new Int32Array(vocabulary.size);
  for (const term of terms) documentFrequency[term]!++;
  // Among a handful of papers, any shared term is in a large share of them: only a term in more than a few is common.
  const maxFrequency = Math.max(MIN_COMMON, Math.floor(inputs.length * MAX_DOCUMENT_SHARE));
  const weights = new Float64Array(terms.length);
  for (let paper = 0; paper < inputs.length; paper++) {
    let norm = 0;
    for (let at = start[paper]!; at < start[paper + 1]!; at++) {
      const frequency = documentFrequency[terms[at]!]!;
      if (frequency > maxFrequency) continue;
      const weight = (1 + Math.log(raw[at]!)) * Math.log(inputs.length / frequency);
      weights[at] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let at = start[paper]!; at < start[paper + 1]!; at++) weights[at]! /= norm;
  }
  return { start, terms, weights, documentFrequency };
}

/**
 * For each term in two papers or more, the papers that have it and its weight in each, in one pair
 * of arrays: term `t`'s are at `offset[t]` up to `offset[t] + length[t]`. Only the MAX_POSTINGS
 * papers where a term weighs most are kept, so a common term costs no more than a rare one.
 */
interface Postings {
  offset: Int32Array;
  length: Int32Array;
  papers: Int32Array;
  weights: Float64Array;
}

function invertedIndex({ start, terms, weights, documentFrequency }: Vectors): Postings {
  const offset = new Int32Array(documentFrequency.length + 1);
  for (let term = 0; term < documentFrequency.length; term++) {
    const frequency = documentFrequency[term]!;
    offset[term + 1] = offset[term]! + (frequency >= 2 ? frequency : 0);
  }
  const length = new Int32Array(documentFrequency.length);
  const papers = new Int32Array(offset[documentFrequency.length]!);
  const postingWeights = new Float64Array(papers.length);
  for (let paper = 0; paper + 1 < start.length; paper++) {
    for (let at = start[paper]!; at < start[paper + 1]!; at++) {
      const term = terms[at]!;
      if (weights[at] === 0 || documentFrequency[term]! < 2) continue;
      const slot = offset[term]! + length[term]!++;
      papers[slot] = paper;
      postingWeights[slot] = weights[at]!;
    }
  }
  for (let term = 0; term < length.length; term++) {
    if (length[term]! > MAX_POSTINGS) length[term] = strongestFirst(papers, postingWeights, offset[term]!, length[term]!);
  }
  return { offset, length, papers, weights: postingWeights };
}

/**
 * Keeps, at the start of a term's postings, the MAX_POSTINGS papers where the term weighs most (in
 * paper order among equal weights), and returns how many that is.
 */
function strongestFirst(papers: Int32Array, weights: Float64Array, from: number, count: number): number {
  const cut = weights.slice(from, from + count).sort()[count - MAX_POSTINGS]!;
  let kept = 0;
  // Every paper above the cut, and as many at the cut as make up MAX_POSTINGS.
  let atCut = MAX_POSTINGS - Array.prototype.filter.call(weights.subarray(from, from + count), (weight) => weight > cut).length;
  for (let at = from; at < from + count; at++) {
    const weight = weights[at]!;
    if (weight < cut || (weight === cut && atCut-- <= 0)) continue;
    papers[from + kept] = papers[at]!;
    weights[from + kept++] = weight;
  }
  return kept;
}

/** Each paper's themes as bits of a number, so two papers' shared themes are one AND. */
function themeMasks(inputs: readonly RelatedInput[]): { masks: Uint32Array; extra: (string[] | null)[] } {
  const bits = new Map<string, number>();
  const masks = new Uint32Array(inputs.length);
  // Past 32 themes, the rest are compared as lists.
  const extra: (string[] | null)[] = inputs.map(() => null);
  inputs.forEach((input, index) => {
    for (const theme of input.themes ?? []) {
      let bit = bits.get(theme);
      if (bit === undefined) bits.set(theme, (bit = bits.size));
      if (bit < 32) masks[index]! |= 1 << bit;
      else (extra[index] ??= []).push(theme);
    }
  });
  return { masks, extra };
}

function countBits(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * For each paper id, the ids of its `count` most related papers, most related first. The papers are
 * read in id order, so the answer does not depend on the order they come in.
 */
export function relatedPapers(papersInAnyOrder: readonly RelatedInput[], count: number): Map<string, string[]> {
  const inputs = [...papersInAnyOrder].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vectors = tfidfVectors(inputs);
  const { start, terms, weights } = vectors;
  const postings = invertedIndex(vectors);
  const { masks, extra } = themeMasks(inputs);
  const sharedThemes = (a: number, b: number): number => {
    const shared = countBits(masks[a]! & masks[b]!);
    const left = extra[a];
    const right = extra[b];
    return left && right ? shared + left.filter((theme) => right.includes(theme)).length : shared;
  };
  const hasExtra = extra.some((themes) => themes !== null);
  // Scores for one paper at a time, in a reused array; `touched` lists the papers that scored.
  const scores = new Float64Array(inputs.length);
  const touched = new Int32Array(inputs.length);
  const ranksBefore = (a: number, b: number): boolean =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && inputs[a]!.id < inputs[b]!.id);
  const byWeight = (a: number, b: number): number => weights[b]! - weights[a]! || terms[a]! - terms[b]!;
  const result = new Map<string, string[]>();
  const query: number[] = [];
  const { offset, length, papers, weights: postingWeights } = postings;
  for (let index = 0; index < inputs.length; index++) {
    query.length = 0;
    for (let at = start[index]!; at < start[index + 1]!; at++) if (weights[at]! > 0 && length[terms[at]!]! > 0) query.push(at);
    query.sort(byWeight);
    let scored = 0;
    for (let rank = 0; rank < Math.min(QUERY_TERMS, query.length); rank++) {
      const at = query[rank]!;
      const weight = weights[at]!;
      const from = offset[terms[at]!]!;
      const to = from + length[terms[at]!]!;
      for (let slot = from; slot < to; slot++) {
        const other = papers[slot]!;
        if (scores[other] === 0) touched[scored++] = other;
        scores[other]! += weight * postingWeights[slot]!;
      }
    }
    scores[index] = 0;
    const mask = masks[index]!;
    if (hasExtra) {
      for (let at = 0; at < scored; at++) scores[touched[at]!]! *= 1 + THEME_BOOST * sharedThemes(index, touched[at]!);
    } else if (mask !== 0) {
      for (let at = 0; at < scored; at++) {
        const shared = mask & masks[touched[at]!]!;
        if (shared !== 0) scores[touched[at]!]! *= 1 + THEME_BOOST * countBits(shared);
      }
    }
    // The best `count`, kept in order by insertion: far cheaper than sorting every paper that scored.
    const best: number[] = [];
    for (let at = 0; at < scored; at++) {
      const other = touched[at]!;
      if (other === index) continue;
      if (best.length === count) {
        if (!ranksBefore(other, best[count - 1]!)) continue;
        best.pop();
      }
      let place = best.length;
      while (place > 0 && ranksBefore(other, best[place - 1]!)) place--;
      best.splice(place, 0, other);
    }
    result.set(
      inputs[index]!.id,
      best.map((other) => inputs[other]!.id),
    );
    for (let at = 0; at < scored; at++) scores[touched[at]!] = 0;
  }
  return result;
}
