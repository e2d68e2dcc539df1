import { describe, expect, it } from 'vitest';
import { buildDiskIndex, decodeNumbers, DiskSearch, encodeNumbers, EXCERPT_WORDS } from '../../src/lib/search/disk-search.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { compareCodePoints, indexedStems, normalizeQuery, queryTerms, stem } from '../../src/lib/search/words.ts';

describe('the words Pagefind indexes', () => {
  it('stems with the Snowball English algorithm Pagefind 1.5.2 compiles in, not the older Porter2', () => {
    expect(['quantization', 'pruning', 'unlearning', 'merging', 'running'].map(stem)).toEqual([
      'quantiz',
      'prune',
      'unlearn',
      'merg',
      'run',
    ]);
    // Revisions since 2019 (the npm porter2 package gives "intern", "univers", "organ", "ad").
    expect(['internal', 'universal', 'organization', 'added'].map(stem)).toEqual(['internal', 'universal', 'organiz', 'add']);
  });

  it('indexes a compound word whole and by its parts of two or more characters', () => {
    expect(indexedStems('fine-tuning')).toEqual(['finetun', 'fine', 'tune']);
    expect(indexedStems('LQ-LoRA')).toEqual(['lqlora', 'lq', 'lo', 'ra']);
    // camelCase splits too, so "QLoRA" is not found by "lora": its parts are "q", "lo" and "ra".
    expect(indexedStems('QLoRA')).toEqual(['qlora', 'lo', 'ra']);
    expect(indexedStems('HTTPRequest')).toEqual(['httprequest', 'http', 'request']);
    expect(indexedStems('W4A8')).toEqual(['w4a8']);
  });

  it('drops punctuation and accents, and keeps underscores inside words', () => {
    expect(indexedStems('models.')).toEqual(['model']);
    expect(indexedStems('(LoRA),')).toEqual(['lora', 'lo', 'ra']);
    expect(indexedStems('Café')).toEqual(['cafe']);
    expect(indexedStems('snake_case')).toEqual(['snake_cas', 'snake', 'case']);
    expect(indexedStems('—')).toEqual([]);
    // Emoji count as words of their own (Pagefind's own example).
    expect(indexedStems('cloud🌦️cannon')).toEqual(expect.arrayContaining(['cloudcannon', '🌦️']));
  });

  it('reads a query as Pagefind does: no punctuation, lower case, single spaces, no accents', () => {
    expect(normalizeQuery('Fine-tuning & PEFT')).toBe('finetuning peft');
    expect(normalizeQuery('  “Café”   LoRA! ')).toBe('cafe lora');
    expect(normalizeQuery('snake_case')).toBe('snake_case');
    expect(queryTerms(normalizeQuery('Pruning models'))).toEqual([
      { word: 'pruning', stem: 'prune' },
      { word: 'models', stem: 'model' },
    ]);
    expect(queryTerms(normalizeQuery(' - '))).toEqual([]);
  });

  it('orders words by code point, as Rust does, not by UTF-16 unit', () => {
    expect(compareCodePoints('abc', 'abd')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFD').toBe(true);
  });
});

describe('paper numbers in the index', () => {
  it('are stored as gaps, a character each when small', () => {
    expect(encodeNumbers([0, 1, 2, 3])).toBe('AAAA');
    expect(encodeNumbers([5, 40, 2000])).toHaveLength(1 + 2 + 3);
    for (const numbers of [[], [0], [7, 31, 32, 33, 1023, 1024, 9999, 123456]])
      expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
  });
});

const paper = (slug: string, fields: Partial<SearchRecord>): SearchRecord => ({
  slug,
  title: slug,
  text: '',
  themes: ['Other'],
  published: null,
  upvotes: null,
  ...fields,
});

const THEMES = ['Quantization', 'LoRA', 'Fine-tuning & PEFT', 'Other'];
const papers: SearchRecord[] = [
  paper('qlora', {
    title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
    text: 'We present QLoRA, an efficient finetuning approach that reduces memory usage.',
    themes: ['Quantization', 'LoRA'],
    published: '2023-05-23',
    upvotes: 40,
  }),
  paper('lq-lora', {
    title: 'LQ-LoRA: Low-rank Plus Quantized Matrix Decomposition',
    text: 'We propose a simple approach for memory-efficient adaptation of pretrained language models.',
    themes: ['LoRA'],
    published: '2023-11-20',
    upvotes: 12,
  }),
  paper('fine-tuning-study', {
    title: 'A Study of Fine-Tuning',
    text: 'Full fine-tuning is compared with pruning the model first.',
    themes: ['Fine-tuning & PEFT'],
    upvotes: 12,
  }),
  paper('pruning', {
    title: 'Pruning at Initialization',
    text: `We prune networks before training. ${'Many more words follow here. '.repeat(10)}`,
    published: '2021-01-01',
  }),
];

describe('search from disk', () => {
  const disk = new DiskSearch(buildDiskIndex(papers, THEMES));
  const slugs = (query: string, options = {}) => disk.search(query, options).results.map((result) => result.slug);

  it('finds papers by words in titles, abstracts and theme names, and by the start of a word', () => {
    expect(slugs('memory').sort()).toEqual(['lq-lora', 'qlora']);
    expect(slugs('initialization')).toEqual(['pruning']);
    // "LQ-LoRA" and "QLoRA" are not the word "lora", but both papers are in the LoRA theme.
    expect(slugs('lora').sort()).toEqual(['lq-lora', 'qlora']);
    expect(slugs('quantiz').sort()).toEqual(['lq-lora', 'qlora']);
    expect(slugs('Fine-tuning').sort()).toEqual(['fine-tuning-study', 'qlora']);
  });

  it('needs every word that matches something, and ignores words that match nothing, as Pagefind does', () => {
    expect(slugs('pruning model')).toEqual(['fine-tuning-study']);
    expect(slugs('pruning xylophone').sort()).toEqual(['fine-tuning-study', 'pruning']);
    expect(slugs('xylophone')).toEqual([]);
  });

  it('falls back to the longest indexed word a query word starts with', () => {
    expect(slugs('prunex').sort()).toEqual(['fine-tuning-study', 'pruning']);
  });

  it('ranks the papers of a theme whose name is searched above papers that only use the word', () => {
    const index = new DiskSearch(
      buildDiskIndex(
        [
          paper('mentions', { text: 'Unlike pruning, we distil; pruning is only a baseline here.' }),
          paper('member', { text: 'We remove channels; pruning is mentioned once.', themes: ['Pruning'] }),
        ],
        ['Pruning', 'Other'],
      ),
    );
    expect(index.search('pruning').results.map((result) => result.slug)).toEqual(['member', 'mentions']);
  });

  it('ranks papers with the word in their title first', () => {
    expect(slugs('pruning')[0]).toBe('pruning');
    expect(slugs('quantized')[0]).toBe('qlora');
  });

  it('filters by theme and orders by date or upvotes, newest and most first, unknown last', () => {
    expect(slugs('lora', { theme: 'Quantization' })).toEqual(['qlora']);
    expect(slugs('', { theme: 'LoRA', sort: 'date' })).toEqual(['lq-lora', 'qlora']);
    expect(slugs('approach', { sort: 'upvotes' })).toEqual(['qlora', 'lq-lora']);
    expect(slugs('pruning', { sort: 'date' })).toEqual(['pruning', 'fine-tuning-study']);
    expect(slugs('lora', { theme: 'No such theme' })).toEqual([]);
  });

  it('counts every match and describes as many as asked, with themes and a marked excerpt', () => {
    const response = disk.search('we', { limit: 1 });
    expect(response.total).toBe(3);
    expect(response.results).toHaveLength(1);
    const [first] = disk.search('QLoRA').results;
    expect(first!.themes).toEqual(['Quantization', 'LoRA']);
    expect(first!.excerpt.filter((part) => part.marked).map((part) => part.text)).toEqual(['QLoRA,']);
    expect(first!.excerpt.map((part) => part.text).join('')).toBe(papers[0]!.text);
    const long = disk
      .search('prune')
      .results[0]!.excerpt.map((part) => part.text)
      .join('');
    expect(long.split(' ')).toHaveLength(EXCERPT_WORDS + 1);
    expect(long.endsWith(' …')).toBe(true);
  });

  it('finds every word a prefix starts, with no chunk boundaries: "fine" finds "finetuning" too', () => {
    expect(slugs('fine').sort()).toEqual(['fine-tuning-study', 'qlora']);
    expect(slugs('finetuning').sort()).toEqual(['fine-tuning-study', 'qlora']);
  });
});
