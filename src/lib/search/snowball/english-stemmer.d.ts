/** Snowball's English stemmer (Porter2 as revised up to Snowball 3.1), generated JavaScript. */
export default class EnglishStemmer {
  /** Stems one lower-case word. */
  stem(word: string): string;
}
