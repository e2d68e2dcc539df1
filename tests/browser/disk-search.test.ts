import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DISK_INDEX_PATH, diskIndexScript } from '../../src/lib/search/disk-index.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { SORT_LABELS } from '../../src/lib/paper-sort.ts';
import { ALL_THEMES, themeInfo } from '../../src/lib/themes.ts';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { axeViolations, describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';
import { readPapersJson } from '../helpers/site-files.ts';

const records = readPapersJson();
const byTitle = new Map(records.map((record) => [record.title, record]));
const fileUrl = (file: string, dir = SITE_BUILD) => pathToFileURL(join(dir, file)).href;

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

/** Starts of words, as a reader types them before finishing the word. */
const PREFIXES = ['quantiz', 'prun', 'fine', 'distil', 'adapt', 'tra', 'le'];

/**
 * The slugs of the papers Pagefind finds for each query, from a page of the served site. Each query
 * gets a fresh instance of Pagefind, as a reader's first search does (an instance keeps the index
 * chunks earlier searches loaded): a module of its own, by an address of its own, all at once.
 */
async function pagefindSlugs(page: Page, server: StaticServer, queries: readonly string[]): Promise<Map<string, string[]>> {
  const found: string[][] = await page.evaluate(`Promise.all(${JSON.stringify(queries)}.map(async (query, index) => {
    const engine = await import(${JSON.stringify(`${server.url}pagefind/pagefind.js`)} + '?instance=' + index);
    await engine.options({ baseUrl: '/' });
    const response = await engine.search(query);
    const found = await Promise.all(response.results.map((result) => result.data()));
    return found.map(({ url }) => /\\/papers\\/([^/]+)\\//u.exec(url)[1]).sort();
  }))`);
  return new Map(queries.map((query, index) => [query, found[index]!]));
}

/** The slugs of the papers search from disk finds for each query, with the engine and index the search page loads from file://. */
async function diskSlugs(page: Page, queries: readonly string[]): Promise<Map<string, string[]>> {
  await page.goto(fileUrl('search/index.html'));
  await page.waitForFunction(() => 'papershelfDiskIndex' in globalThis && 'papershelfDiskSearch' in globalThis);
  const found: string[][] = await page.evaluate(`(() => {
    const engine = globalThis.papershelfDiskSearch(globalThis.papershelfDiskIndex);
    return ${JSON.stringify(queries)}.map((query) => engine.search(query).results.map((result) => result.slug).sort());
  })()`);
  return new Map(queries.map((query, index) => [query, found[index]!]));
}

describeInBrowser('search from disk, next to Pagefind on a served site', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterAll(() => server?.close());

  it('finds the same papers from file:// as Pagefind over http, for every word of every theme name', async () => {
    const hosted = await openPage();
    // A page without the search script, so nothing else uses Pagefind meanwhile.
    await hosted.page.goto(`${server.url}about/`);
    const onDisk = await openPage();
    const pagefind = await pagefindSlugs(hosted.page, server, THEME_WORDS);
    const fromDisk = await diskSlugs(onDisk.page, THEME_WORDS);
    const differences = THEME_WORDS.flatMap((word) => {
      const [hostedSlugs, diskSlugsFound] = [pagefind.get(word)!, fromDisk.get(word)!];
      return JSON.stringify(hostedSlugs) === JSON.stringify(diskSlugsFound)
        ? []
        : [
            `${word}: only Pagefind ${hostedSlugs.filter((slug) => !diskSlugsFound.includes(slug))}; only disk ${diskSlugsFound.filter((slug) => !hostedSlugs.includes(slug))}`,
          ];
    });
    expect(THEME_WORDS).toEqual(expect.arrayContaining(['quantization', 'lora', 'fine-tuning', 'fine', 'peft', 'merging']));
    expect(differences).toEqual([]);
    expect(THEME_WORDS.filter((word) => pagefind.get(word)!.length === 0)).toEqual([]);
    // Found by its theme's name only ("Fine-tuning & PEFT"): its title and abstract never say PEFT.
    expect(pagefind.get('peft')).toContain('lora-vs-full-fine-tuning-an-illusion-of-equivalence');
    expectNoErrors([...hosted.errors, ...onDisk.errors]);
  });

  it('finds from file://, for the start of a word, at least what Pagefind finds, and every paper with a word it starts', async () => {
    const hosted = await openPage();
    await hosted.page.goto(`${server.url}about/`);
    const onDisk = await openPage();
    const pagefind = await pagefindSlugs(hosted.page, server, PREFIXES);
    const fromDisk = await diskSlugs(onDisk.page, PREFIXES);
    const missing: string[] = [];
    for (const prefix of PREFIXES) {
      // Papers whose title or abstract has a word (or part of a hyphenated word) that starts with the prefix.
      const startsAWord = new RegExp(`(?<![\\p{L}\\p{N}])${prefix}`, 'iu');
      const expected = records
        .filter((record) => startsAWord.test(`${record.title} ${record.abstract}`))
        .map((record) => record.slug);
      if (pagefind.get(prefix)!.length === 0 || expected.length === 0) missing.push(`${prefix}: nothing to compare with`);
      for (const slug of new Set([...pagefind.get(prefix)!, ...expected]))
        if (!fromDisk.get(prefix)!.includes(slug))
          missing.push(
            `${prefix}: not found from disk: ${slug}${pagefind.get(prefix)!.includes(slug) ? ' (Pagefind finds it)' : ''}`,
          );
    }
    expect(missing).toEqual([]);
    expectNoErrors([...hosted.errors, ...onDisk.errors]);
  });

  it('says “1 paper matches” when one paper matches, over http and from disk', async () => {
    const { page, errors } = await openPage();
    const status = page.locator('[data-search-status]');
    expect(records.filter((record) => record.themes.includes('unlearning'))).toHaveLength(1);
    for (const url of [`${server.url}search/?q=unlearning`, `${fileUrl('search/index.html')}?q=unlearning`]) {
      await page.goto(url);
      await expect.poll(() => status.textContent(), { message: url }).toMatch(/match/u);
      expect(await page.locator('[data-search-results] > li').count(), url).toBe(1);
      expect(await status.textContent(), url).toBe('1 paper matches “unlearning”.');
    }
    expectNoErrors(errors);
  });

  it('leaves the hosted search to Pagefind: no page loads the index for disk', async () => {
    const { page, errors, requests } = await openPage();
    await page.goto(`${server.url}search/`);
    await page.locator('#search-query').fill('lora');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/[\d,]+ papers match “lora”/u);
    await page.goto(`${server.url}papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/`);
    expect(requests.some((url) => url.includes('/pagefind/'))).toBe(true);
    expect(requests.filter((url) => /disk-(?:index|search)\.js/u.test(url))).toEqual([]);
    expectNoErrors(errors);
  });
});

describeInBrowser('search from disk (file://)', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  const searchPage = fileUrl('search/index.html');
  const titlesShown = (page: Page) => page.locator('[data-search-results] > li h2').allTextContents();

  it('finds papers as the reader types, in the hosted markup, without touching the network', async () => {
    const { page, errors, requests } = await openPage();
    const pruning = records.filter((record) => /\bpruning\b/iu.test(`${record.title} ${record.abstract}`));
    expect(pruning.length).toBeGreaterThan(1);
    await page.goto(fileUrl('index.html'));
    await page.locator('#site-search').fill('pruning');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=pruning$/u);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toBe(`${pruning.length} papers match “pruning”.`);
    expect((await titlesShown(page)).sort()).toEqual(pruning.map((record) => record.title).sort());

    await page.locator('#search-query').fill('data');
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ papers match “data”\.$/u);
    expect(new URL(page.url()).searchParams.get('q')).toBe('data');
    const results = page.locator('[data-search-results] > li.paper-card');
    expect(await results.count()).toBeGreaterThan(5);
    const first = results.first();
    // The paper's page file in the same site folder, never a folder address (a directory listing from disk).
    const href = new URL((await first.locator('h2.paper-card-title a').getAttribute('href'))!, page.url()).href;
    const slug = byTitle.get((await first.locator('h2').textContent())!)!.slug;
    expect(href).toBe(`${fileUrl(`papers/${slug}/index.html`)}?highlight=data`);
    // A word in the title counts most: the best match has it there.
    expect((await first.locator('h2').textContent())?.toLowerCase()).toContain('data');
    expect((await first.locator('p.excerpt').textContent())!.length).toBeGreaterThan(80);
    expect(await first.locator('ul.chips .chip').allTextContents()).toEqual(
      byTitle.get((await first.locator('h2').textContent())!)!.themes.map((id) => themeInfo(id).name),
    );
    expect((await page.locator('.excerpt mark').allTextContents()).map((text) => text.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringContaining('data')]),
    );
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expectNoErrors(errors);
    // Last: axe itself asks for the stylesheet in a way file:// refuses, which logs errors.
    expect(await axeViolations(page)).toEqual([]);
  });

  it('filters by theme and orders by date or upvotes, and keeps it all in the address', async () => {
    const { page, errors } = await openPage();
    await page.goto(searchPage);
    await page.locator('#search-query').fill('weights');
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/match “weights”\./u);
    const bestMatch = await titlesShown(page);

    await page.getByLabel('Theme', { exact: true }).selectOption('Quantization');
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ papers match “weights” in Quantization\.$/u);
    const chips = await page
      .locator('[data-search-results] > li')
      .evaluateAll((items) => items.map((item) => [...item.querySelectorAll('.chip')].map((chip) => chip.textContent)));
    expect(chips.length).toBeGreaterThan(1);
    expect(chips.filter((themes) => !themes.includes('Quantization'))).toEqual([]);

    await page.getByLabel('Theme', { exact: true }).selectOption('');
    await page.getByLabel('Order', { exact: true }).selectOption({ label: SORT_LABELS.upvotes });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('upvotes');
    await expect.poll(() => titlesShown(page)).not.toEqual(bestMatch);
    const upvotes = (await titlesShown(page)).map((title) => byTitle.get(title)!.upvotes ?? 0);
    expect(upvotes.filter((count) => count > 0).length).toBeGreaterThan(1);
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
    await page.goto(`${searchPage}?q=pruning&theme=${encodeURIComponent('Data selection')}&sort=date`);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ papers match “pruning” in Data selection\.$/u);
    expect(await page.locator('#search-query').inputValue()).toBe('pruning');
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('Data selection');
    expect(await page.getByLabel('Order', { exact: true }).inputValue()).toBe('date');

    await page.goto(`${searchPage}?q=lora`);
    await expect.poll(() => status.textContent()).toMatch(/^[\d,]+ papers match “lora”\.$/u);
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

  it('shows the first 30 of many results, and says how many match', async () => {
    // The fixture has too few papers for that: the same site with an index of 40 papers that all match.
    const site = mkdtempSync(join(tmpdir(), 'papershelf-many-'));
    try {
      cpSync(SITE_BUILD, site, { recursive: true });
      const many: SearchRecord[] = Array.from({ length: 40 }, (_, index) => ({
        slug: `paper-${index}`,
        title: `Paper ${index} on pruning`,
        text: `An abstract about pruning, number ${index}.`,
        published: null,
        upvotes: null,
        themes: ['Pruning'],
      }));
      writeFileSync(join(site, DISK_INDEX_PATH), diskIndexScript(many));
      const { page, errors } = await openPage();
      await page.goto(`${fileUrl('search/index.html', site)}?q=pruning`);
      await expect
        .poll(() => page.locator('[data-search-status]').textContent())
        .toBe('40 papers match “pruning”; showing the first 30.');
      expect(await page.locator('[data-search-results] > li').count()).toBe(30);
      expectNoErrors(errors);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
