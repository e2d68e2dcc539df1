import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { axeViolations, describeInBrowser, errorsBut404Preloads, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { SORT_LABELS } from '../../src/lib/paper-sort.ts';
import { SEEDS_BUILD, SITE_BUILD } from '../helpers/site-builds.ts';
import { readPapersJson } from '../helpers/site-files.ts';

/** The site as a plain `astro build` after `npm run ingest` made it: its search must work too. */
const records = readPapersJson(SITE_BUILD);
const byTitle = new Map(records.map((record) => [record.title, record]));
const inTheme = (id: string) => records.filter((record) => record.themes.includes(id));
/** Opens a page and waits until it shows what it is for: a search page its results. */
async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  if (new URL(url).searchParams.has('q'))
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/papers? match/u);
}
const fromHostileDump = (record: (typeof records)[number]) => record.sources.some((source) => source.file === 'hostile.txt');

describeInBrowser('the site in Chromium, over http', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterAll(() => server?.close());

  it('browses home -> theme -> paper by clicking, with clean addresses', async () => {
    const { page, errors } = await openPage();
    await page.goto(server.url);
    await page.getByRole('table').getByRole('link', { name: 'Unlearning' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}themes/unlearning/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Unlearning');
    const first = page.locator('.paper-card-title a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/$/u);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(page.url()).toMatch(/\/papers\/[a-z0-9-]+\/$/u);
    expectNoErrors(errors);
  });

  it('searches from the header, filters by theme, and highlights the terms on the opened paper', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}about/`);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('quantization');
    await page.keyboard.press('Enter');
    const results = page.locator('[data-search-results] > li');
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers match “quantization”\.$/u);
    // Papers about quantization (its theme) come before papers that only mention it.
    const quantization = inTheme('quantization').length;
    expect(quantization).toBeGreaterThan(1);
    expect(await results.count()).toBeGreaterThan(quantization);
    const chips = async () => Promise.all((await results.all()).map((result) => result.locator('.chip').allTextContents()));
    const top = (await chips()).slice(0, quantization);
    expect(top.filter((themes) => !themes.includes('Quantization'))).toEqual([]);

    await page.getByLabel('Theme', { exact: true }).selectOption('Quantization');
    await expect.poll(() => page.url()).toContain('theme=Quantization');
    await expect.poll(() => status.textContent()).toBe(`${quantization} papers match “quantization” in Quantization.`);
    const filtered = await chips();
    expect(filtered).toHaveLength(quantization);
    expect(filtered.filter((themes) => !themes.includes('Quantization'))).toEqual([]);

    await results.first().locator('a').click();
    await expect.poll(() => page.url()).toContain('highlight=quantization');
    await expect.poll(() => page.locator('[data-abstract] mark').count()).toBeGreaterThan(0);
    expect((await page.locator('[data-abstract] mark').first().textContent())?.toLowerCase()).toContain('quantiz');
    expectNoErrors(errors);
  });

  it('finds a paper by a distinctive phrase from its abstract, and sorts by upvotes', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('Matryoshka Representations')}`);
    const first = page.locator('[data-search-results] > li').first();
    await expect.poll(() => first.locator('a').textContent()).toBe('AdANNS: A Framework for Adaptive Semantic Search');

    // The excerpt is the paper's own words, spaced as written, with the matches marked.
    await page.goto(`${server.url}search/?q=pruning`);
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/papers match “pruning”/u);
    expect(await results.count()).toBeGreaterThan(1);
    for (const result of (await results.all()).slice(0, 5)) {
      const slug = /papers\/([^/]+)\//u.exec((await result.locator('a').first().getAttribute('href'))!)![1];
      const record = records.find((paper) => paper.slug === slug)!;
      // Pagefind ends the title with a full stop where the abstract starts.
      const bare = (word: string) => word.replace(/[.,;:]+$/u, '');
      const words = new Set(`${record.title} ${record.abstract}`.split(/\s+/u).map(bare));
      const excerpt = (await result.locator('.excerpt').textContent())!.replace(/^…|…$/gu, '').trim();
      const strangers = excerpt
        .split(/\s+/u)
        .map(bare)
        .filter((word) => !words.has(word));
      expect(strangers, excerpt).toEqual([]);
      expect(await result.locator('.excerpt mark').count()).toBeGreaterThan(0);
    }

    await page.goto(`${server.url}search/?q=weights&sort=upvotes`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/papers match “weights”/u);
    await expect.poll(() => page.getByLabel('Order', { exact: true }).inputValue()).toBe('upvotes');
    const titles = await page.locator('[data-search-results] > li h2').allTextContents();
    const upvotes = titles.map((title) => byTitle.get(title)!.upvotes ?? 0);
    expect(upvotes.filter((count) => count > 0).length).toBeGreaterThan(1);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expectNoErrors(errors);
  });

  it('finds any paper by a quoted phrase from the middle of its abstract', async () => {
    const { page, errors } = await openPage();
    // Every paper from the seeds (the hostile dump's have a test of their own, below), typed into one page.
    const papers = records.filter((record) => !fromHostileDump(record));
    const status = page.locator('[data-search-status]');
    await page.goto(`${server.url}search/`);
    const missed: string[] = [];
    for (const record of papers) {
      const words = record.abstract.split(' ');
      const middle = Math.floor(words.length / 2);
      const phrase = `"${words.slice(middle, middle + 5).join(' ')}"`;
      await page.locator('#search-query').fill(phrase);
      await expect.poll(() => status.textContent()).toContain(`“${phrase}”`);
      const titles = await page.locator('[data-search-results] > li h2').allTextContents();
      if (!titles.slice(0, 3).includes(record.title))
        missed.push(`${record.title} <- ${phrase} (got ${titles.slice(0, 3).join(' | ')})`);
    }
    expect(papers.length).toBeGreaterThan(15);
    expect(missed).toEqual([]);
    expectNoErrors(errors);
  });

  it('finds a paper by a quoted phrase with a symbol in it, as search from disk does', async () => {
    const { page, errors } = await openPage();
    const record = records.find((paper) => paper.abstract.includes('量化 ✓'))!;
    const phrase = `"${record.abstract.split(' ').slice(-5).join(' ')}"`;
    expect(phrase).toBe('"as they are: 量化 ✓."');
    await page.goto(`${server.url}search/?q=${encodeURIComponent(phrase)}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/match/u);
    expect(await page.locator('[data-search-results] > li h2').allTextContents()).toContain(record.title);
    expectNoErrors(errors);
  });

  it('restores a shared search from its link, and steps back through searches', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}search/?q=pruning&theme=Pruning&sort=date`);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toMatch(/match “pruning” in Pruning/u);
    expect(await page.locator('#search-query').inputValue()).toBe('pruning');
    expect(await page.getByLabel('Theme', { exact: true }).inputValue()).toBe('Pruning');
    expect(await page.getByLabel('Order', { exact: true }).inputValue()).toBe('date');

    await page.locator('#search-query').fill('unlearning');
    // However long the reader pauses after typing, the shared search stays one step back.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('unlearning');
    await page.getByLabel('Theme', { exact: true }).selectOption('');
    await expect.poll(() => status.textContent()).toMatch(/match(?:es)? “unlearning”\./u);
    expect(new URL(page.url()).searchParams.get('q')).toBe('unlearning');

    await page.goBack();
    await expect.poll(() => page.getByLabel('Theme', { exact: true }).inputValue()).toBe('Pruning');
    await expect.poll(() => status.textContent()).toMatch(/match “unlearning” in Pruning/u);
    await page.goBack();
    await expect.poll(() => page.locator('#search-query').inputValue()).toBe('pruning');
    await expect.poll(() => status.textContent()).toMatch(/match “pruning” in Pruning/u);
    expectNoErrors(errors);
  });

  it('opens a paper at its abstract: #abstract is the abstract’s heading, scrolled to the top', async () => {
    const { page, errors } = await openPage({ viewport: { width: 360, height: 740 } });
    const record = byTitle.get('LoRA vs Full Fine-tuning: An Illusion of Equivalence')!;
    await page.goto(`${server.url}papers/${record.slug}/#abstract`);
    const target = await page.evaluate(() => {
      const element = document.querySelector(':target');
      return {
        tag: element?.tagName,
        text: element?.textContent,
        inAbstract: element?.parentElement?.matches('section[data-abstract]'),
        top: element?.getBoundingClientRect().top,
        scrolled: window.scrollY,
      };
    });
    expect(target).toMatchObject({ tag: 'H2', text: 'Abstract', inAbstract: true });
    expect(target.scrolled).toBeGreaterThan(0);
    expect(target.top).toBeGreaterThanOrEqual(0);
    expect(target.top).toBeLessThan(60);
    // The heading names the region a screen reader lists: the abstract itself.
    const region = page.getByRole('region', { name: 'Abstract', exact: true });
    expect(await region.count()).toBe(1);
    expect(await region.textContent()).toContain(record.abstract.slice(0, 60));
    expectNoErrors(errors);
  });

  it('copies the paper’s permanent link', async () => {
    const { page, context, errors } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(`${server.url}papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('[data-copy-status="link"]').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'http://localhost:4321/papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/',
    );
    expectNoErrors(errors);
  });

  it('copies a paper’s BibTeX entry', async () => {
    const { page, context, errors } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(`${server.url}papers/pa-and-da-jointly-sampling-path-and-data-for-consistent-nas/`);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.locator('[data-copy-status="bibtex"]').textContent()).toBe('BibTeX copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{pa-and-da-jointly-sampling-path-and-data-for-consistent-nas,/u);
    expect(copied).toContain('title = {{PA\\&DA: Jointly Sampling PAth and DAta for Consistent NAS}}');
    expectNoErrors(errors);
  });

  it('moves through a list with j and k, opens with o, and shows the keys with ?', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}themes/pruning/`);
    const titles = await page.locator('.paper-card-title a').allTextContents();
    expect(titles.length).toBeGreaterThan(2);
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('j');
    expect(await focused()).toBe(titles[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focused()).toBe(titles[1]);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Next paper in the list');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await page.keyboard.press('o');
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/$/u);
    expect(await page.locator('h1').textContent()).toBe(titles[1]);
    expectNoErrors(errors);
  });

  it('switches to the dark theme and remembers it on the next page', async () => {
    const { page, errors } = await openPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    expect(await background()).not.toBe(light);
    await page.goto(`${server.url}papers/`);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    // Without a choice of the reader's, the system's preference decides.
    const system = await openPage({ colorScheme: 'dark' });
    await system.page.goto(server.url);
    expect(await system.page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expectNoErrors([...errors, ...system.errors]);
  });

  it('sorts a theme page by upvotes and shows one theme of all papers, by links that keep the order in the address', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}themes/quantization/`);
    await page.getByRole('link', { name: SORT_LABELS.upvotes }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/themes/quantization/upvotes/1/');
    // The upvotes each card shows ("12 upvotes"), or '' for a paper without.
    const upvotes = await page
      .locator('[data-list-items] > li')
      .evaluateAll((items) =>
        items.map((item) => /([\d,]+) upvotes?\b/u.exec(item.querySelector('.paper-meta')?.textContent ?? '')?.[1] ?? ''),
      );
    expect(upvotes).toHaveLength(inTheme('quantization').length);
    const known = upvotes.filter((value) => value !== '').map((value) => Number(value.replaceAll(',', '')));
    expect(known.length).toBeGreaterThan(1);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    // Papers without upvotes come last.
    expect(upvotes.slice(0, known.length).filter((value) => value === '')).toEqual([]);

    const pruning = inTheme('pruning').length;
    expect(pruning).toBeGreaterThan(1);
    await page.goto(`${server.url}papers/`);
    await page.getByRole('link', { name: SORT_LABELS.date }).click();
    await page.locator('[data-theme-link="pruning"]').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/themes/pruning/date/1/');
    expect(await page.locator('[data-list-count]').textContent()).toBe(`${pruning} papers · ${SORT_LABELS.date}`);
    expect(await page.locator('[data-list-items] > li').count()).toBe(pruning);
    expectNoErrors(errors);
  });

  it('has no axe violations on any page type, in the light and the dark theme', async () => {
    const { page, errors } = await openPage();
    const found: string[] = [];
    for (const path of [
      '',
      'themes/lora/',
      'papers/',
      'papers/adanns-a-framework-for-adaptive-semantic-search/',
      'search/?q=pruning',
      'saved/',
      'about/',
      'no-such-page/',
    ]) {
      await openSettled(page, `${server.url}${path}`);
      // The dark theme is the same page with <html data-theme="dark">, as the system's preference or the toggle sets it.
      for (const theme of ['light', 'dark']) {
        await page.evaluate((name) => (document.documentElement.dataset['theme'] = name), theme);
        found.push(...(await axeViolations(page)).map((violation) => `${path || 'home'} (${theme}): ${violation}`));
      }
    }
    expect(found).toEqual([]);
    expectNoErrors(errors.filter((error) => !error.includes('404')));
  });

  it('reads on a 360 px phone without sideways scrolling, theme names whole', async () => {
    const { page } = await openPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['', 'papers/', 'papers/adanns-a-framework-for-adaptive-semantic-search/', 'search/?q=lora']) {
      await openSettled(page, `${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    // The theme chart's names wrap between words at most, never letter by letter.
    for (const path of ['', 'themes/']) {
      await openSettled(page, `${server.url}${path}`);
      const brokenNames = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.theme-chart th a')]
          .filter((name) => name.getClientRects().length > name.textContent.split(/[\s-]+/u).length)
          .map((name) => name.textContent),
      );
      expect(brokenNames, path).toEqual([]);
    }
  });

  it("shows every count of the theme chart whole, the longest bar's too, on a desktop and a phone", async () => {
    // The seed dumps: their largest theme has a two-digit count, which once broke into one digit a line.
    const home = pathToFileURL(join(SEEDS_BUILD, 'index.html')).href;
    for (const width of [1280, 360]) {
      const { page } = await openPage({ viewport: { width, height: 900 } });
      await page.goto(home);
      const counts = await page.evaluate(() =>
        [...document.querySelectorAll('.theme-chart .bar-value')].map((value) => {
          const range = document.createRange();
          range.selectNodeContents(value);
          return { text: value.textContent, lines: range.getClientRects().length };
        }),
      );
      expect(counts.length, `${width} px`).toBeGreaterThan(10);
      expect(counts.some((count) => count.text.length > 1)).toBe(true);
      expect(
        counts.filter((count) => count.lines !== 1),
        `${width} px`,
      ).toEqual([]);
    }
  });
});

describeInBrowser('the site opened from disk (file://)', () => {
  const openPage = useBrowser();
  const home = pathToFileURL(join(SITE_BUILD, 'index.html')).href;

  it('browses every page type by clicking, styled, without touching the network', async () => {
    const { page, errors, requests } = await openPage();
    const styled = () => page.evaluate(() => getComputedStyle(document.body).maxWidth);
    await page.goto(home);
    expect(await styled()).toBe('832px');

    const fileUrl = (file: string) => pathToFileURL(join(SITE_BUILD, file)).href;
    await page.getByRole('table').getByRole('link', { name: 'Pruning' }).click();
    await page.waitForURL(fileUrl('themes/pruning/index.html'));
    expect(await styled()).toBe('832px');

    await page.locator('.paper-card-title a').first().click();
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/index\.html$/u);
    expect(await styled()).toBe('832px');
    const paperUrl = page.url();
    await page.locator('a[rel="next"]').click();
    await page.waitForURL((url) => url.href !== paperUrl && /\/papers\/[a-z0-9-]+\/index\.html$/u.test(url.href));

    for (const [name, file] of [
      ['All papers', 'papers/index.html'],
      ['About', 'about/index.html'],
      ['Themes', 'themes/index.html'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await page.waitForURL(fileUrl(file));
      expect(await styled()).toBe('832px');
    }
    await page.getByRole('link', { name: 'Papershelf' }).first().click();
    await page.waitForURL(home);

    await page.goto(fileUrl('404.html'));
    expect(await styled()).toBe('832px');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.getByRole('link', { name: 'Browse all papers' }).click();
    await page.waitForURL(fileUrl('papers/index.html'));

    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expectNoErrors(errorsBut404Preloads(errors));
  });

  it('moves through a list and opens a paper with the keyboard from disk too', async () => {
    const { page, errors } = await openPage();
    await page.goto(pathToFileURL(join(SITE_BUILD, 'themes/federated/index.html')).href);
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/index\.html$/u);
    expectNoErrors(errors);
  });
});
