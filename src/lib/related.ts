/**
 * Related papers by text similarity (TF-IDF cosine over title and abstract), computed at build
 * time. Candidates come from an inverted index over each paper's distinctive terms; terms shared by
 * more than MAX_DOCUMENT_SHARE of the papers, or by more than MAX_POSTINGS, are skipped, so the work
 * grows linearly with the number of papers rather than with every pair of them.
 */

export interface RelatedInput {
  id: string;
  text: string;
}

const STOPWORDS = new Set(
  'about above across after again against also among an and any are as at be because been before being between both but by can could did do does doing during each few for from further had has have having here how however if in into is it its itself just large more most much must new not novel of off on once only or other our ours out over own paper propose proposed same show shows should so such than that the their them then there these they this those through to too under until up use used using very via was we were what when where which while who why will with within without would yet'.split(
    ' ',
  ),
);
/** Terms in more papers than this share carry little meaning and are not used to find candidates. */
const MAX_DOCUMENT_SHARE = 0.1;
/** Nor are terms in more papers than this, so the candidate search stays linear in the number of papers. */
const MAX_POSTINGS = 200;
/** Terms per paper used to look up candidates: its highest-weighted ones. */
const QUERY_TERMS = 40;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter(
    (word) => word.length > 2 && !STOPWORDS.has(word) && !/^\d+$/u.test(word),
  );
}

type Vector = Map<string, number>;

function tfidfVectors(inputs: readonly RelatedInput[]): { vectors: Vector[]; documentFrequency: Map<string, number> } {
  const counts = inputs.map((input) => {
    const tf = new Map<string, number>();
    for (const term of tokenize(input.text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const documentFrequency = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vectors = counts.map((tf) => {
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * Math.log(inputs.length / documentFrequency.get(term)!);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  return { vectors, documentFrequency };
}

/** Papers containing a term, with the term's weight in each: parallel arrays, read in the hot loop. */
interface Postings {
  papers: number[];
  weights: number[];
}

/** For each paper id, the ids of its `count` most similar papers, most similar first. */
export function relatedPapers(inputs: readonly RelatedInput[], count: number): Map<string, string[]> {
  const { vectors, documentFrequency } = tfidfVectors(inputs);
  const maxPostings = Math.max(2, Math.min(MAX_POSTINGS, Math.floor(inputs.length * MAX_DOCUMENT_SHARE)));
  const postings = new Map<string, Postings>();
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      if (documentFrequency.get(term)! > maxPostings) continue;
      const list = postings.get(term);
      if (list) {
        list.papers.push(index);
        list.weights.push(weight);
      } else {
        postings.set(term, { papers: [index], weights: [weight] });
      }
    }
  });
  // Scores for one paper at a time, in a reused array; `touched` lists the papers that scored.
  const scores = new Float64Array(inputs.length);
  const touched: number[] = [];
  const ranksBefore = (a: number, b: number): boolean =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && inputs[a]!.id < inputs[b]!.id);
  const result = new Map<string, string[]>();
  vectors.forEach((vector, index) => {
    const queryTerms = [...vector.entries()]
      .filter(([term]) => postings.has(term))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, QUERY_TERMS);
    for (const [term, weight] of queryTerms) {
      const { papers, weights } = postings.get(term)!;
      for (let position = 0; position < papers.length; position++) {
        const other = papers[position]!;
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * weights[position]!;
      }
    }
    // The best `count`, kept in order by insertion: far cheaper than sorting every paper that scored.
    const best: number[] = [];
    for (const other of touched) {
      if (best.length === count) {
        if (!ranksBefore(other, best[count - 1]!)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && ranksBefore(other, best[at - 1]!)) at--;
      best.splice(at, 0, other);
    }
    result.set(
      inputs[index]!.id,
      best.map((other) => inputs[other]!.id),
    );
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  });
  return result;
}
