import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { COMPARATORS } from '../../src/lib/paper-sort.ts';
import { formatCount } from '../../src/lib/text.ts';
import { PAGE_SIZE } from '../../src/site.config.ts';
import { describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { PAGED_BUILD } from '../helpers/site-builds.ts';

interface Record {
  slug: string;
  title: string;
  themes: string[];
  published: string | null;
  upvotes: number | null;
}
const records = JSON.parse(readFileSync(join(PAGED_BUILD, 'papers.json'), 'utf8')) as Record[];
const themeSizes = new Map<string, number>();
for (const record of records) for (const theme of record.themes) themeSizes.set(theme, (themeSizes.get(theme) ?? 0) + 1);
/** The theme with the most papers: several pages long. */
const [bigTheme, bigThemeSize] = [...themeSizes].sort((a, b) => b[1] - a[1])[0]!;

describeInBrowser('paged lists', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(PAGED_BUILD);
  });
  afterAll(() => server?.close());

  const titlesOnPage = (page: import('playwright-core').Page) => page.locator('.paper-card-title a').allTextContents();

  it('pages a theme 50 papers at a time, with numbered links and next, at clean addresses', async () => {
    expect(bigThemeSize).toBeGreaterThan(PAGE_SIZE);
    const { page, errors } = await openPage();
    await page.goto(`${server.url}themes/${bigTheme}/`);
    expect(await titlesOnPage(page)).toHaveLength(PAGE_SIZE);
    await expect
      .poll(() => page.locator('[data-list-count]').textContent())
      .toContain(`Papers 1–${PAGE_SIZE} of ${formatCount(bigThemeSize)}`);
    await page.getByRole('link', { name: 'Next' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/themes/${bigTheme}/title/2/`);
    expect(await page.locator('ol.papers').getAttribute('start')).toBe(String(PAGE_SIZE + 1));
    await page.getByRole('link', { name: 'Page 1', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/themes/${bigTheme}/`);
    expectNoErrors(errors);
  });

  it('sorts all the papers of the list, not one page: the newest first on the first page of the date order', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}papers/`);
    await page.getByRole('link', { name: 'Newest first' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/papers/date/1/');
    const expected = [...records].sort(COMPARATORS.date).map((record) => record.title);
    expect(await titlesOnPage(page)).toEqual(expected.slice(0, PAGE_SIZE));
    // The last page of the order holds the papers without a date.
    const last = Math.ceil(records.length / PAGE_SIZE);
    await page.getByRole('link', { name: `Page ${last}`, exact: true }).click();
    expect(await titlesOnPage(page)).toEqual(expected.slice((last - 1) * PAGE_SIZE));
    expect(records.filter((record) => record.published === null).length).toBeGreaterThan(0);
    // The theme filter keeps the order and shows every paper of the theme.
    await page.locator(`[data-theme-link="${bigTheme}"]`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/themes/${bigTheme}/date/1/`);
    expect(await titlesOnPage(page)).toEqual(
      [...records]
        .filter((record) => record.themes.includes(bigTheme))
        .sort(COMPARATORS.date)
        .map((record) => record.title)
        .slice(0, PAGE_SIZE),
    );
    expectNoErrors(errors);
  });

  it('keeps old shared addresses of the list of all papers working', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}papers/?theme=${bigTheme}&sort=upvotes`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/themes/${bigTheme}/upvotes/1/`);
    await page.goto(`${server.url}papers/?sort=date`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/papers/date/1/');
  });

  it('moves on to the next page with j past the last paper, and keeps reading status on later pages', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}themes/${bigTheme}/`);
    for (let index = 0; index < PAGE_SIZE; index++) await page.keyboard.press('j');
    await page.keyboard.press('s');
    await page.keyboard.press('j');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/themes/${bigTheme}/title/2/`);
    // Keys reach the list once its script runs, as a reader's do once the page shows.
    await page.waitForLoadState('load');
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    const saved = await page.locator('.paper-card-title a').first().textContent();
    await page.goto(`${server.url}saved/`);
    await expect.poll(() => page.locator('[data-saved-page] .paper-card-title').allTextContents()).toContain(saved);
    expect((await page.locator('[data-saved-page] .paper-card-title').allTextContents()).length).toBe(2);
    expectNoErrors(errors);
  });

  it('pages from disk too, through index.html links, without a server', async () => {
    const { page, errors } = await openPage();
    await page.goto(pathToFileURL(join(PAGED_BUILD, 'papers/index.html')).href);
    await page.getByRole('link', { name: 'Next' }).click();
    await expect.poll(() => page.url()).toMatch(/\/papers\/title\/2\/index\.html$/u);
    await page.getByRole('link', { name: 'Most upvoted' }).click();
    await expect.poll(() => page.url()).toMatch(/\/papers\/upvotes\/1\/index\.html$/u);
    expect(await titlesOnPage(page)).toEqual(
      [...records]
        .sort(COMPARATORS.upvotes)
        .map((record) => record.title)
        .slice(0, PAGE_SIZE),
    );
    expectNoErrors(errors);
  });
});
