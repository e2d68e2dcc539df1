import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { writeWorker } from '../../src/integrations/offline-cache.ts';
import { indexSearchRecords } from '../../src/lib/search/pagefind.ts';
import { readSearchRecords } from '../../src/lib/search/records.ts';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { axeViolations, describeInBrowser, errorsBut404Preloads, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { FIXTURE_PAPERS, SEEDS_BUILD, SITE_BUILD, SUBPATH_BASE, SUBPATH_BUILD } from '../helpers/site-builds.ts';
import { readPapersJson, siteFiles, type PaperRecord } from '../helpers/site-files.ts';

const papers = readPapersJson();
// Papers from the seeds: the hostile dump's titles are checked elsewhere.
const [read, alsoRead, neverOpened, kept] = papers.filter((paper) =>
  paper.sources.every((source) => source.file !== 'hostile.txt'),
) as [PaperRecord, PaperRecord, PaperRecord, PaperRecord, ...PaperRecord[]];

/** Waits until the service worker is in charge of the page, as it is on a reader's second page. */
async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The names of the site's caches: only read, so that polling never creates a cache the page or worker is deleting. */
const cacheNames = (page: Page): Promise<string[]> => page.evaluate(() => caches.keys());

/** The addresses the site's caches hold, by cache name (opening a cache creates it: only once they are settled). */
function cachedAddresses(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const found: Record<string, string[]> = {};
    for (const name of await caches.keys()) found[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    return found;
  });
}

const isCached = (page: Page, url: string) => page.evaluate(async (address) => (await caches.match(address)) !== undefined, url);

/** Takes the reader offline (or back online): the page and its service worker, which Playwright's offline mode misses. */
async function goOffline(context: BrowserContext, server: StaticServer, offline: boolean): Promise<void> {
  await context.setOffline(offline);
  server.setReachable(!offline);
}

const heading = (page: Page) => page.locator('h1').textContent();
/** The site's stylesheet applied: the body is as wide as it sets. */
const styled = (page: Page) => page.evaluate(() => getComputedStyle(document.body).maxWidth);

describeInBrowser('offline reading on the hosted site', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  const offline = (context: BrowserContext, yes: boolean) => goOffline(context, server, yes);
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterEach(() => server.setReachable(true));
  afterAll(() => server?.close());

  it('opens the pages a reader opened, by either address, styled, and says so for the others', async () => {
    const { page, context, errors } = await openPage();
    const paperUrl = (slug: string) => `${server.url}papers/${slug}/`;
    await page.goto(server.url);
    await workerInCharge(page);
    await page.goto(paperUrl(read.slug));
    await page.goto(paperUrl(alsoRead.slug));
    await expect.poll(() => isCached(page, paperUrl(read.slug))).toBe(true);
    await expect.poll(() => isCached(page, paperUrl(alsoRead.slug))).toBe(true);

    await offline(context, true);
    await page.reload();
    expect(await heading(page)).toBe(alsoRead.title);
    expect(await styled(page)).toBe('832px');
    // Links on disk name the page's index.html; both addresses are one cached page.
    await page.goto(`${paperUrl(read.slug)}index.html`);
    expect(await heading(page)).toBe(read.title);
    await page.goto(`${server.url}themes/`);
    expect(await heading(page)).toBe('Themes');

    await page.goto(paperUrl(neverOpened.slug));
    expect(await heading(page)).toBe('You are offline');
    expect(page.url()).toBe(paperUrl(neverOpened.slug));
    expect(await styled(page)).toBe('832px');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(server.url);
    expect(await page.locator('.site-header').count()).toBe(1);

    await offline(context, false);
    await page.goto(paperUrl(neverOpened.slug));
    expect(await heading(page)).toBe(neverOpened.title);
    expectNoErrors(errors);
  });

  it('keeps a paper the reader saved from a list, unopened, and opens it from the Saved page offline', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(server.url);
    await workerInCharge(page);
    await page.goto(`${server.url}papers/`);
    const card = page.locator('.paper-card').nth(2);
    const title = (await card.locator('.paper-card-title a').textContent())!;
    const url = new URL((await card.locator('.paper-card-title a').getAttribute('href'))!, page.url()).href;
    expect(await isCached(page, url)).toBe(false);
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => isCached(page, url)).toBe(true);

    await offline(context, true);
    await page.goto(`${server.url}saved/`);
    await page.locator('[data-saved-list="saved"]').getByRole('link', { name: title, exact: true }).click();
    // Until the page's load event (its stylesheet included), as page.goto waits elsewhere: the
    // heading is there as soon as it is parsed, the stylesheet may still be on its way.
    await page.waitForURL((address) => address.pathname.startsWith(new URL(url).pathname));
    expect(await heading(page)).toBe(title);
    expect(await styled(page)).toBe('832px');
    await offline(context, false);
    expectNoErrors(errors);
  });

  it('keeps a paper a page asks it to keep, unopened', async () => {
    const { page, errors } = await openPage();
    const url = `${server.url}papers/${kept.slug}/`;
    await page.goto(server.url);
    await workerInCharge(page);
    expect(await isCached(page, url)).toBe(false);
    await page.evaluate((address) => {
      navigator.serviceWorker.controller?.postMessage({ type: 'papershelf:keep', urls: [address] });
    }, url);
    await expect.poll(() => isCached(page, url)).toBe(true);
    expectNoErrors(errors);
  });

  it('runs an earlier search again offline', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(server.url);
    await workerInCharge(page);
    const results = page.locator('[data-search-results] > li h2');
    await page.goto(`${server.url}search/?q=pruning`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/papers match “pruning”/u);
    expect(await results.count()).toBeGreaterThan(1);
    const titles = await results.allTextContents();

    await offline(context, true);
    await page.reload();
    await expect.poll(() => results.allTextContents()).toEqual(titles);
    await offline(context, false);
    expectNoErrors(errors);
  });
});

describeInBrowser('offline reading after a deploy', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  let deployed: string;
  const paper = `papers/${read.slug}/`;
  const newTitle = `${read.title}, revised`;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
    // The next build: the same site with one paper's title and the stylesheet changed, and its
    // worker, made as the build makes it.
    deployed = mkdtempSync(join(tmpdir(), 'papershelf-deploy-'));
    cpSync(SITE_BUILD, deployed, { recursive: true });
    const file = join(deployed, paper, 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(`>${read.title}<`, `>${newTitle}<`));
    appendFileSync(join(deployed, 'styles/site.css'), 'body { max-width: 50rem; }\n');
    await writeWorker(deployed);
  });
  afterEach(() => server.setReachable(true));
  afterAll(async () => {
    await server?.close();
    if (deployed) rmSync(deployed, { recursive: true, force: true });
  });

  it('shows the new build at once, and offline only the new build: the old cache is gone', async () => {
    const { page, context, errors } = await openPage();
    await page.goto(server.url);
    await workerInCharge(page);
    await page.goto(`${server.url}${paper}`);
    await expect.poll(() => isCached(page, `${server.url}${paper}`)).toBe(true);
    const [oldCache] = await cacheNames(page);
    expect(oldCache).toMatch(/^papershelf:\/:[0-9a-f]{16}$/u);

    server.deploy(deployed);
    await page.goto(`${server.url}${paper}`);
    expect(await heading(page)).toBe(newTitle);
    expect(await styled(page), 'the new build’s stylesheet').toBe('800px');
    // The new worker takes over and fetches the reader's pages again, from the new build.
    await expect.poll(() => cacheNames(page)).not.toContain(oldCache);
    const caches = Object.entries(await cachedAddresses(page));
    expect(caches).toHaveLength(1);
    const [newCache, addresses] = caches[0]!;
    expect(newCache).toMatch(/^papershelf:\/:[0-9a-f]{16}$/u);
    expect(addresses).toContain(`${server.url}${paper}`);

    await goOffline(context, server, true);
    await page.goto(server.url);
    await page.goto(`${server.url}${paper}`);
    expect(await heading(page)).toBe(newTitle);
    expect(await styled(page)).toBe('800px');
    await goOffline(context, server, false);
    expectNoErrors(errors);
  });

  it('removes the worker and its caches when a build turns offline reading off', async () => {
    const { page, errors } = await openPage();
    server.deploy(SITE_BUILD);
    await page.goto(server.url);
    await workerInCharge(page);
    await page.goto(`${server.url}about/`);
    expect(await cacheNames(page)).toHaveLength(1);

    server.deploy(SEEDS_BUILD);
    await page.goto(`${server.url}papers/`);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await expect.poll(() => cacheNames(page)).toEqual([]);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expectNoErrors(errors);
  });
});

/** What a captive portal answers at every address, with status 200: its login page, HTML without the site's marker. */
const PORTAL_PAGE =
  '<!doctype html><html><head><title>Hotel Wi-Fi</title></head><body><h1>Log in to Hotel Wi-Fi</h1><form><input name="room"></form></body></html>';

describeInBrowser('offline reading behind a captive portal', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterEach(() => {
    server.setPortal(null);
    server.setReachable(true);
  });
  afterAll(() => server?.close());

  it('never keeps the portal’s login page: offline, the pages read before it show, styled', async () => {
    const { page, context } = await openPage();
    const paperUrl = `${server.url}papers/${read.slug}/`;
    await page.goto(server.url);
    await workerInCharge(page);
    await page.goto(paperUrl);
    await expect.poll(() => isCached(page, paperUrl)).toBe(true);
    expect(await heading(page)).toBe(read.title);

    // On the hotel's network: every address answers with the login page, which the reader sees.
    server.setPortal(PORTAL_PAGE);
    await page.reload();
    expect(await heading(page)).toBe('Log in to Hotel Wi-Fi');
    await page.goto(`${server.url}themes/`);
    expect(await heading(page)).toBe('Log in to Hotel Wi-Fi');
    await page.goto(`${server.url}papers/${alsoRead.slug}/`);
    expect(await heading(page)).toBe('Log in to Hotel Wi-Fi');
    // A file a page loads later (a stylesheet, Pagefind's index) gets the login page too.
    const stylesheet = `${server.url}styles/site.css`;
    expect(await page.evaluate(async (url) => (await fetch(url)).text(), stylesheet)).toBe(PORTAL_PAGE);
    // The worker's writes to its cache run after each response: let them settle before going offline.
    await page.waitForTimeout(500);
    const cachedCopy = await page.evaluate(async (address) => (await caches.match(address))?.text(), paperUrl);
    expect(cachedCopy).toContain(read.title);

    await goOffline(context, server, true);
    await page.goto(paperUrl);
    expect(await heading(page)).toBe(read.title);
    expect(await page.locator('body').textContent()).not.toContain('Hotel Wi-Fi');
    expect(await styled(page), 'the stylesheet is the site’s, not the login page').toBe('832px');
    await page.goto(`${server.url}themes/`);
    expect(await heading(page)).toBe('Themes');
    // A page first asked for behind the portal was never the site's: offline, the offline page says so.
    await page.goto(`${server.url}papers/${alsoRead.slug}/`);
    expect(await heading(page)).toBe('You are offline');
    await goOffline(context, server, false);
  });
});

/**
 * Pagefind's index of the fixture's papers, made again from the same search records with the papers
 * in another order: the index Pagefind gives when it walks the pages in another order
 * (Pagefind/pagefind#638), with the same fragments and the same answers, but another entry, page
 * metadata, word index and filter files, under other names.
 */
async function pagefindInAnotherOrder(): Promise<{ path: string; content: Uint8Array }[]> {
  const records = readSearchRecords(FIXTURE_PAPERS);
  return indexSearchRecords([...records.slice(5), ...records.slice(0, 5)]);
}

/** A built site's Pagefind files, as paths from its root. */
const pagefindFiles = (dir: string) => siteFiles(join(dir, 'pagefind')).map((file) => `pagefind/${file}`);

/** The search page's status once a search has ended, whichever way it ended. */
async function searchOutcome(page: Page): Promise<string> {
  const status = page.locator('[data-search-status]');
  await expect.poll(() => status.textContent()).toMatch(/match|could not/iu);
  return (await status.textContent())!;
}

/**
 * A redeploy of the same sources. The fixture's second build (SITE_BUILD_AGAIN) cannot stand for it:
 * it is byte-identical to the first (tests/build/site-output.test.ts), so its worker is the same and
 * nothing updates. Pagefind, though, may write its index differently from one build to the next
 * (Pagefind/pagefind#638), and then every file whose name depends on it changes: this build is that.
 */
describeInBrowser('offline search after a redeploy of the same sources', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  let again: string;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
    // The first build with Pagefind's index made in another order, and the worker the build makes for it.
    again = mkdtempSync(join(tmpdir(), 'papershelf-again-'));
    cpSync(SITE_BUILD, again, { recursive: true, filter: (source) => !source.startsWith(join(SITE_BUILD, 'pagefind')) });
    for (const file of await pagefindInAnotherOrder()) {
      mkdirSync(dirname(join(again, file.path)), { recursive: true });
      writeFileSync(join(again, file.path), file.content);
    }
    await writeWorker(again);
  });
  afterEach(() => server.setReachable(true));
  afterAll(async () => {
    await server?.close();
    if (again) rmSync(again, { recursive: true, force: true });
  });

  it('is a new build to the worker: Pagefind’s index files have other names, the fragments the same', () => {
    const before = pagefindFiles(SITE_BUILD);
    const after = pagefindFiles(again);
    const renamed = after.filter((file) => !before.includes(file));
    expect(renamed).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.pf_meta$/u), expect.stringMatching(/\.pf_index$/u)]),
    );
    expect(renamed.filter((file) => file.includes('/fragment/'))).toEqual([]);
    expect(after.filter((file) => file.includes('/fragment/')).length).toBeGreaterThan(10);
    expect(readFileSync(join(again, 'sw.js'))).not.toEqual(readFileSync(join(SITE_BUILD, 'sw.js')));
  });

  it('finds offline what an earlier search found, after the worker took the new build', async () => {
    const { page, context, errors } = await openPage();
    const results = page.locator('[data-search-results] > li h2');
    await page.goto(server.url);
    await workerInCharge(page);
    await page.goto(`${server.url}search/?q=pruning`);
    expect(await searchOutcome(page)).toMatch(/^\d+ papers match “pruning”/u);
    const titles = (await results.allTextContents()).sort();
    expect(titles.length).toBeGreaterThan(1);
    const [oldCache] = await cacheNames(page);

    // The redeploy: the reader opens a page, and the new build's worker takes over.
    server.deploy(again);
    await page.goto(`${server.url}papers/${read.slug}/`);
    await expect.poll(() => cacheNames(page)).not.toContain(oldCache);
    expect(await cacheNames(page)).toHaveLength(1);

    await goOffline(context, server, true);
    await page.goto(`${server.url}search/?q=pruning`);
    const outcome = await searchOutcome(page);
    await goOffline(context, server, false);
    expect(outcome).toMatch(/^\d+ papers match “pruning”/u);
    expect((await results.allTextContents()).sort()).toEqual(titles);
    expectNoErrors(errors);
  });
});

describeInBrowser('offline reading under a sub-path', () => {
  const openPage = useBrowser();
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SUBPATH_BUILD, SUBPATH_BASE);
  });
  afterAll(() => server?.close());

  it('registers the worker for the whole site, even from the 404 page deep in it', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}missing/deep/page/`);
    const registration = await page.evaluate(async () => {
      const ready = await navigator.serviceWorker.ready;
      return { scope: ready.scope, script: ready.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: server.url, script: `${server.url}sw.js` });
    await workerInCharge(page);
    expect(await cacheNames(page)).toEqual([expect.stringMatching(/^papershelf:\/reading-list\/:[0-9a-f]{16}$/u)]);
    expect(await isCached(page, `${server.url}themes/`)).toBe(true);
    expectNoErrors(errors.filter((error) => !error.includes('404')));
  });
});

describeInBrowser('the site from disk (file://) and offline reading', () => {
  const openPage = useBrowser();

  it('registers no worker and logs no error', async () => {
    const { page, errors, requests } = await openPage();
    for (const file of ['index.html', `papers/${read.slug}/index.html`, '404.html']) {
      await page.goto(pathToFileURL(join(SITE_BUILD, file)).href, { waitUntil: 'load' });
      expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    }
    expect(requests.filter((url) => url.endsWith('/sw.js'))).toEqual([]);
    expectNoErrors(errorsBut404Preloads(errors));
  });
});
