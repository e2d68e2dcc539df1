import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiskSearch, type DiskIndexData } from '../../src/lib/search/disk-search.ts';
import { SORT_LABELS } from '../../src/lib/paper-sort.ts';
import { ALL_THEMES } from '../../src/lib/themes.ts';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { axeViolations, describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';

/** The index for search from disk as the built site has it, loaded in Node as the browser loads it. */
function builtDiskIndex(): DiskIndexData {
  const sandbox: { papershelfDiskIndex?: DiskIndexData } = {};
  runInNewContext(readFileSync(join(SITE_BUILD, 'search/disk-index.js'), 'utf8'), sandbox);
  return sandbox.papershelfDiskIndex!;
}

interface PaperRecord {
  slug: string;
  title: string;
  published: string | null;
  upvotes: number | null;
}
const records = JSON.parse(readFileSync(join(SITE_BUILD, 'papers.json'), 'utf8')) as PaperRecord[];
const byTitle = new Map(records.map((record) => [record.title, record]));

/**
 * One-word queries from the theme names: each word as a reader types it ("fine-tuning", which
 * both searches read as "finetuning", as Pagefind does), and the parts of hyphenated words ("fine",
 * "tuning"), which readers type too. "&" is no word.
 */
const THEME_WORDS = [
  ...new Set(
    ALL_THEMES.flatMap((theme) => theme.name.toLowerCase().split(' '))
      .filter((word) => word !== '&')
      .flatMap((word) => (word.includes('-') ? [word, ...word.split('-')] : [word])),
  ),
];

describeInBrowser('search from disk, next to Pagefind on a served site', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterAll(() => server?.close());

  it('finds the same papers as Pagefind for every word of every theme name', { timeout: 180_000 }, async () => {
    const { page, errors } = await openPage();
    // A page without the search script, so nothing else uses Pagefind meanwhile.
    await page.goto(`${server.url}about/`);
    const disk = new DiskSearch(builtDiskIndex());
    const differences: string[] = [];
    const counts: Record<string, number> = {};
    for (const word of THEME_WORDS) {
      // A fresh instance for each word: Pagefind keeps the index chunks earlier searches loaded.
      const pagefind: string[] = await page.evaluate(`(async () => {
        const engine = await import(${JSON.stringify(`${server.url}pagefind/pagefind.js`)});
        await engine.destroy();
        await engine.options({ baseUrl: '/' });
        const response = await engine.search(${JSON.stringify(word)});
        const found = await Promise.all(response.results.map((result) => result.data()));
        return found.map(({ url }) => /\\/papers\\/([^/]+)\\//u.exec(url)[1]).sort();
      })()`);
      const fromDisk = disk
        .search(word)
        .results.map((result) => result.slug)
        .sort();
      counts[word] = pagefind.length;
      if (JSON.stringify(fromDisk) !== JSON.stringify(pagefind))
        differences.push(
          `${word}: only Pagefind ${pagefind.filter((slug) => !fromDisk.includes(slug))}; only disk ${fromDisk.filter((slug) => !pagefind.includes(slug))}`,
        );
      if (word === 'lora')
        // Found by its theme name only: "LQ-LoRA" is not the word "lora" to Pagefind.
        expect(pagefind).toContain('lq-lora-low-rank-plus-quantized-matrix-decomposition-for-efficient-language');
    }
    expect(THEME_WORDS).toEqual(expect.arrayContaining(['quantization', 'lora', 'fine-tuning', 'fine', 'peft', 'merging']));
    expect(differences).toEqual([]);
    expect(Object.entries(counts).filter(([, count]) => count === 0)).toEqual([]);
    expectNoErrors(errors);
  });

  it('leaves the hosted search to Pagefind: no page loads the index for disk', async () => {
    const { page, errors, requests } = await openPage();
    await page.goto(`${server.url}search/`);
    await page.locator('#search-query').fill('lora');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/\d+ papers match “lora”/u);
    await page.goto(`${server.url}papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/`);
    expect(requests.some((url) => url.includes('/pagefind/'))).toBe(true);
    expect(requests.filter((url) => /disk-(?:index|search)\.js/u.test(url))).toEqual([]);
    expectNoErrors(errors);
  });
});

describeInBrowser('search from disk (file://)', () => {
  const openPage = useBrowser();
  const fileUrl = (file: string) => pathToFileURL(join(SITE_BUILD, file)).href;
  const searchPage = fileUrl('search/index.html');
  const titlesShown = (page: Page) => page.locator('[data-search-results] > li h2').allTextContents();

  it('finds papers as the reader types, in the hosted markup, without touching the network', async () => {
    const { page, errors, requests } = await openPage();
    await page.goto(fileUrl('index.html'));
    await page.locator('#site-search').fill('pruning');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=pruning$/u);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers match “pruning”; showing the first 30\.$/u);

    await page.locator('#search-query').fill('unlearning');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers match “unlearning”\.$/u);
    expect(new URL(page.url()).searchParams.get('q')).toBe('unlearning');
    const results = page.locator('[data-search-results] > li.paper-card');
    expect(await results.count()).toBeGreaterThan(5);
    const first = results.first();
    expect(await first.locator('h2.paper-card-title a').getAttribute('href')).toMatch(
      /^\.\.\/papers\/[a-z0-9-]+\/index\.html\?highlight=unlearning$/u,
    );
    expect((await first.locator('h2').textContent())?.toLowerCase()).toContain('unlearning');
    expect((await first.locator('p.excerpt').textContent())!.length).toBeGreaterThan(80);
    expect(await first.locator('ul.chips .chip').allTextContents()).toContain('Unlearning');
    expect((await page.locator('.excerpt mark').allTextContents()).map((text) => text.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringContaining('unlearning')]),
    );
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expectNoErrors(errors);
    // Last: axe itself asks for the stylesheet in a way file:// refuses, which logs errors.
    expect(await axeViolations(page)).toEqual([]);
  });

  it('filters by theme and orders by date or upvotes, and keeps it all in the address', async () => {
    const { page, errors } = await openPage();
    await page.goto(searchPage);
    await page.locator('#search-query').fill('quantization');
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/match “quantization”\./u);
    const bestMatch = await titlesShown(page);

    await page.getByLabel('Theme', { exact: true }).selectOption('LoRA');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers? match “quantization” in LoRA\.$/u);
    const chips = await page
      .locator('[data-search-results] > li')
      .evaluateAll((items) => items.map((item) => [...item.querySelectorAll('.chip')].map((chip) => chip.textContent)));
    expect(chips.length).toBeGreaterThan(1);
    expect(chips.every((themes) => themes.includes('LoRA'))).toBe(true);

    await page.getByLabel('Theme', { exact: true }).selectOption('');
    await page.getByLabel('Order', { exact: true }).selectOption({ label: SORT_LABELS.upvotes });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('upvotes');
    await expect.poll(() => titlesShown(page)).not.toEqual(bestMatch);
    const upvotes = (await titlesShown(page)).map((title) => byTitle.get(title)!.upvotes ?? 0);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));

    await page.getByLabel('Order', { exact: true }).selectOption({ label: SORT_LABELS.date });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('date');
    const datesShown = async () => (await titlesShown(page)).map((title) => byTitle.get(title)!.published ?? '');
    await expect.poll(datesShown).toEqual([...(await datesShown())].sort().reverse());
    expect(new Set(await datesShown()).size).toBeGreaterThan(2);
    expectNoErrors(errors);
  });

  it('restores a search from its address, and steps back through searches', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${searchPage}?q=lora&theme=Quantization&sort=date`);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers? match “lora” in Quantization\.$/u);
    expect(await page.locator('#search-query').inputValue()).toBe('lora');
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('Quantization');
    expect(await page.getByLabel('Order', { exact: true }).inputValue()).toBe('date');

    await page.goto(`${searchPage}?q=lora`);
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers match “lora”\.$/u);
    await page.locator('#search-query').fill('merging');
    await expect.poll(() => status.textContent()).toMatch(/match “merging”/u);
    await page.goBack();
    await expect.poll(() => page.locator('#search-query').inputValue()).toBe('lora');
    await expect.poll(() => status.textContent()).toMatch(/match “lora”/u);
    expectNoErrors(errors);
  });

  it('opens a result’s paper page from disk, with the search words highlighted', async () => {
    const { page, errors, requests } = await openPage();
    await page.goto(`${searchPage}?q=lora`);
    const first = page.locator('[data-search-results] > li h2 a').first();
    await expect.poll(() => first.count()).toBe(1);
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/index\.html\?highlight=lora$/u);
    expect(page.url().startsWith('file://')).toBe(true);
    expect(await page.locator('h1').textContent()).toBe(title);
    await expect.poll(() => page.locator('.paper-header h1 mark, [data-abstract] mark').count()).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expectNoErrors(errors);
  });
});
