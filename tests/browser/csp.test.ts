import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { describeInBrowser, useBrowser } from '../helpers/browser-suite.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';

const records = JSON.parse(readFileSync(`${SITE_BUILD}/papers.json`, 'utf8')) as { slug: string }[];

describeInBrowser('the site under its Content-Security-Policy', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD, '/', { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  });
  afterAll(() => server?.close());

  it('loads every page type styled and scripted, with no violation, and searches with Pagefind', async () => {
    const { page, errors } = await openPage({ colorScheme: 'dark' });
    const pages = [
      '',
      'themes/',
      'themes/lora/',
      'papers/',
      `papers/${records[0]!.slug}/`,
      'about/',
      'saved/',
      'search/',
      'no-such-page/',
    ];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      // The site's stylesheet applied, and the inline script set the reader's colour theme before paint.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position), path).toBe('absolute');
      expect(await page.evaluate(() => document.documentElement.dataset['theme']), path).toBe('dark');
    }
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const bar = await page.locator('svg.bar').first().boundingBox();
    expect(bar?.width).toBeGreaterThan(2);

    await page.goto(`${server.url}search/?q=quantization`);
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-results] .excerpt mark').count()).toBeGreaterThan(0);

    // The only console error is the 404 page's own status; a blocked script, style or WebAssembly would add more.
    expect(errors.filter((error) => !/404 \(Not Found\)/u.test(error))).toEqual([]);
  });
});
