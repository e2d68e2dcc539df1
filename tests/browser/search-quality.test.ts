import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { SEEDS_BUILD } from '../helpers/site-builds.ts';
import { readPapersJson } from '../helpers/site-files.ts';

/** The real reading list: search quality is judged on the seed papers, not on fixtures written for it. */
const records = readPapersJson(SEEDS_BUILD);
const bySlug = new Map(records.map((record) => [record.slug, record]));

/** What a reader types to find a theme, and the theme they mean. */
const THEME_QUERIES: [query: string, theme: string][] = [
  ['quantization', 'quantization'],
  ['lora', 'lora'],
  ['low-rank adaptation', 'lora'],
  ['pruning', 'pruning'],
  ['unlearning', 'unlearning'],
];

interface ShownResult {
  slug: string;
  title: string;
  excerpt: string;
  marked: string[];
}

/** The results the page shows, in order, once the status says the search is done. */
async function shownResults(page: Page, query: string): Promise<ShownResult[]> {
  await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(new RegExp(`match(?:es)? “${query}”`, 'u'));
  return page.locator('[data-search-results] > li.paper-card').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('h2 a')!;
      const slug = /papers\/([^/]+)\//u.exec(new URL(link.href).pathname)![1]!;
      const excerpt = item.querySelector('.excerpt')!;
      const marked = [...excerpt.querySelectorAll('mark')].map((mark) => mark.textContent);
      return { slug, title: link.textContent, excerpt: excerpt.textContent, marked };
    }),
  );
}

/** Of the first ten results, at least nine are the theme's (or all of a theme smaller than that). */
function expectThemeFirst(results: readonly ShownResult[], theme: string, query: string): void {
  const inTheme = records.filter((record) => record.themes.includes(theme)).length;
  const firstTen = results.slice(0, 10).map((result) => bySlug.get(result.slug)!);
  expect(firstTen.length, query).toBe(Math.min(10, results.length));
  expect(firstTen.filter((record) => record.themes.includes(theme)).length, query).toBeGreaterThanOrEqual(Math.min(9, inTheme));
}

/**
 * An excerpt is words of the abstract, never the title repeated, and what it marks are the words
 * searched for (their forms: "quantized" for "quantization"). Pagefind's excerpt is around the
 * match; search from disk shows the abstract's beginning (its index, loaded whole, keeps no more).
 */
function expectExcerptsFromAbstracts(results: readonly ShownResult[], query: string, aroundMatch: boolean): void {
  expect(results.length).toBeGreaterThan(0);
  const stems = query.split(/[\s-]+/u).map((word) => word.slice(0, 4).toLowerCase());
  // A word, or a part of a compound ("LoRA-based"), that starts like one of the words searched.
  const isSearched = (word: string) =>
    word
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((part) => stems.some((stem) => part.startsWith(stem)));
  expect(results.flatMap((result) => result.marked).filter((word) => !isSearched(word))).toEqual([]);
  if (!aroundMatch) return;
  // A paper whose abstract uses the words shows them, marked (whole words: Pagefind does not take
  // "LQ-LoRA" apart, and the title already shows a paper found by a part of its name).
  const wholeWord = (word: string) => {
    const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
    return stems.some((stem) => bare.startsWith(stem));
  };
  const usesWords = results.filter((result) => bySlug.get(result.slug)!.abstract.split(/\s+/u).some(wholeWord));
  expect(usesWords.length).toBeGreaterThan(0);
  expect(usesWords.filter((result) => result.marked.length === 0).map((result) => result.title)).toEqual([]);
  const flat = (text: string) => text.replace(/\s+/gu, ' ').trim();
  for (const result of results) {
    const record = bySlug.get(result.slug)!;
    const words = flat(result.excerpt.replace(/^…|…$/gu, ''));
    expect(words.length, result.title).toBeGreaterThan(40);
    expect(flat(record.abstract), result.title).toContain(words);
    expect(words.startsWith(flat(record.title).slice(0, 20)), result.title).toBe(false);
  }
}

describeInBrowser('search on the seed papers', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SEEDS_BUILD);
  });
  afterAll(() => server?.close());

  /** The search page with Pagefind over http, and from disk, where the excerpt is the abstract's beginning. */
  const engines = [
    { engine: 'Pagefind, over http', searchPage: () => `${server.url}search/`, aroundMatch: true },
    { engine: 'from disk', searchPage: () => pathToFileURL(join(SEEDS_BUILD, 'search/index.html')).href, aroundMatch: false },
  ];
  const cases = engines.flatMap((engine) => THEME_QUERIES.map(([query, theme]) => ({ ...engine, query, theme })));

  it.each(cases)(
    'puts the theme’s papers first for “$query” ($engine), excerpts from the abstract',
    async ({ searchPage, aroundMatch, query, theme }) => {
      const { page, errors } = await openPage();
      await page.goto(`${searchPage()}?q=${encodeURIComponent(query)}`);
      const results = await shownResults(page, query);
      expectThemeFirst(results, theme, query);
      expectExcerptsFromAbstracts(results, query, aroundMatch);
      expectNoErrors(errors);
    },
  );
});
