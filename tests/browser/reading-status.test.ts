import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { axeViolations, describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';

const saveButton = (scope: ReturnType<Page['locator']> | Page) => scope.getByRole('button', { name: 'Save', exact: true });
const readButton = (scope: ReturnType<Page['locator']> | Page) => scope.getByRole('button', { name: 'Read', exact: true });
const pressed = async (button: ReturnType<Page['locator']>) => button.getAttribute('aria-pressed');
const savedTitles = (page: Page, list: 'saved' | 'read') =>
  page.locator(`[data-saved-list="${list}"] .paper-card-title a`).allTextContents();

describeInBrowser('reading status, over http', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterAll(() => server?.close());

  it('saves with s and marks read with r in a list, shows it on the paper and on the Saved page', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}themes/pruning/`);
    const cards = page.locator('.paper-card');
    const titles = await page.locator('.paper-card-title a').allTextContents();
    expect(titles.length).toBeGreaterThan(2);
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await expect.poll(() => pressed(saveButton(cards.nth(0)))).toBe('true');
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await expect.poll(() => pressed(readButton(cards.nth(1)))).toBe('true');
    expect(await pressed(saveButton(cards.nth(1)))).toBe('false');
    expect(await cards.nth(1).getAttribute('class')).toContain('is-read');

    // The status follows the paper to its page, and to other lists.
    await page.locator('.paper-card-title a').first().click();
    await page.waitForURL(/\/papers\/[a-z0-9-]+\/$/u);
    await expect.poll(() => pressed(saveButton(page.locator('.paper-header')))).toBe('true');
    await page.goto(`${server.url}papers/`);
    const listed = page.locator('.paper-card', { has: page.getByRole('link', { name: titles[0]!, exact: true }) });
    await expect.poll(() => pressed(saveButton(listed))).toBe('true');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved' }).click();
    await page.waitForURL(`${server.url}saved/`);
    await expect.poll(() => savedTitles(page, 'saved')).toEqual([titles[0]]);
    expect(await savedTitles(page, 'read')).toEqual([titles[1]]);

    // Un-saving on the Saved page moves nothing elsewhere: the paper simply leaves the list.
    await saveButton(page.locator('[data-saved-list="saved"] .paper-card').first()).click();
    await expect.poll(() => savedTitles(page, 'saved')).toEqual([]);
    await expect.poll(() => page.locator('[data-saved-empty="saved"]').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expectNoErrors(errors);
  });

  it('saves and marks read with the buttons on a paper page, and s there saves that paper', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}papers/adanns-a-framework-for-adaptive-semantic-search/`);
    const header = page.locator('.paper-header');
    await page.keyboard.press('s');
    await expect.poll(() => pressed(saveButton(header))).toBe('true');
    await readButton(header).click();
    await expect.poll(() => pressed(readButton(header))).toBe('true');
    await page.reload();
    await expect.poll(() => pressed(readButton(header))).toBe('true');
    expect(await pressed(saveButton(header))).toBe('true');
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent()).toContain('Save the selected paper');
    expectNoErrors(errors);
  });

  it('shows the status on search results', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}papers/adanns-a-framework-for-adaptive-semantic-search/`);
    await saveButton(page.locator('.paper-header')).click();
    await page.goto(`${server.url}search/?q=AdANNS`);
    const result = page.locator('[data-search-results] .paper-card').first();
    await expect.poll(() => result.locator('.paper-card-title').textContent()).toMatch(/AdANNS/u);
    await expect.poll(() => pressed(saveButton(result))).toBe('true');
    expectNoErrors(errors);
  });

  it('exports the list as a file that imports into another browser; refuses a bad file and keeps titles as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-reading-list-'));
    const first = await openPage();
    await first.page.goto(`${server.url}themes/fine-tuning/`);
    const titles = (await first.page.locator('.paper-card-title a').allTextContents()).slice(0, 3);
    expect(titles).toHaveLength(3);
    for (const index of [0, 1, 2]) await saveButton(first.page.locator('.paper-card').nth(index)).click();
    await first.page.goto(`${server.url}saved/`);
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.getByRole('button', { name: 'Export reading list' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^papershelf-reading-list-\d{4}-\d{2}-\d{2}\.json$/u);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { papers: { title: string; saved: boolean }[] };
    expect(exported.papers.map((entry) => entry.title).sort()).toEqual([...titles].sort());

    // Another browser (fresh storage) imports it.
    const second = await openPage();
    await second.page.goto(`${server.url}saved/`);
    await expect.poll(() => second.page.locator('[data-saved-empty="saved"]').isVisible()).toBe(true);
    const importInput = second.page.locator('[data-import]');
    await importInput.setInputFiles(file);
    await expect.poll(() => second.page.locator('[data-transfer-status]').textContent()).toMatch(/3 papers added or updated/u);
    expect((await savedTitles(second.page, 'saved')).sort()).toEqual([...titles].sort());

    const bad = join(dir, 'not-a-list.json');
    writeFileSync(bad, '{"format":"something-else"}');
    await importInput.setInputFiles(bad);
    await expect
      .poll(() => second.page.locator('[data-transfer-status]').textContent())
      .toMatch(/Could not import not-a-list\.json: .*Nothing was changed/u);
    expect(await savedTitles(second.page, 'saved')).toHaveLength(3);

    const hostile = join(dir, 'hostile.json');
    const entry = {
      slug: 'qlora',
      title: '<img src=x onerror="document.title=1">',
      saved: true,
      read: false,
      updated: '2026-01-01T00:00:00Z',
    };
    writeFileSync(hostile, JSON.stringify({ format: 'papershelf-reading-list', version: 1, papers: [entry] }));
    await importInput.setInputFiles(hostile);
    await expect.poll(() => savedTitles(second.page, 'saved')).toContain(entry.title);
    expect(await second.page.locator('[data-saved-page] img').count()).toBe(0);
    expectNoErrors([...first.errors, ...second.errors]);
  });
});

/** A reading list file as another browser exported it: two saved papers of the fixture. */
function exportedList(dir: string): { file: string; titles: string[] } {
  const papers = [
    { slug: 'adanns-a-framework-for-adaptive-semantic-search', title: 'AdANNS: A Framework for Adaptive Semantic Search' },
    {
      slug: 'attribute-to-delete-machine-unlearning-via-datamodel-matching',
      title: 'Attribute-to-Delete: Machine Unlearning via Datamodel Matching',
    },
  ].map((paper) => ({ ...paper, saved: true, read: false, updated: '2026-01-01T00:00:00.000Z' }));
  const file = join(dir, 'reading-list.json');
  writeFileSync(file, JSON.stringify({ format: 'papershelf-reading-list', version: 1, papers }));
  return { file, titles: papers.map((paper) => paper.title) };
}

/**
 * Fills this origin's localStorage, in pieces from a megabyte down to a character, until the browser
 * refuses a single character more; returns how many characters it took.
 */
const fillStorage = (page: Page) =>
  page.evaluate(() => {
    let stored = 0;
    for (let chunk = 1 << 20; chunk >= 1; chunk >>= 1) {
      const piece = 'x'.repeat(chunk);
      for (;;) {
        try {
          localStorage.setItem(`filler-${localStorage.length}`, piece);
          stored += chunk;
        } catch {
          break; // Full for this much: try half as much.
        }
      }
    }
    return stored;
  });

/** Frees what fillStorage took. */
const emptyStorage = (page: Page) =>
  page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });

describeInBrowser('importing a reading list the browser will not store', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let server: StaticServer;
  let dir: string;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
    dir = mkdtempSync(join(tmpdir(), 'papershelf-reading-list-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const status = (page: Page) => page.locator('[data-transfer-status]').textContent();

  it('says the storage is full when it is, keeps the list as it was, and imports once there is room', async () => {
    const { page, errors } = await openPage();
    const { file, titles } = exportedList(dir);
    // The reader's own list: one paper saved before the storage filled up.
    await page.goto(`${server.url}papers/a-multigrid-method-for-efficiently-training-video-models/`);
    const own = (await page.locator('h1').textContent())!;
    await saveButton(page.locator('.paper-header')).click();
    await expect.poll(() => pressed(saveButton(page.locator('.paper-header')))).toBe('true');
    await page.goto(`${server.url}saved/`);
    await expect.poll(() => savedTitles(page, 'saved')).toEqual([own]);
    // The browser's real quota, not a stand-in: every character this origin may store is taken.
    expect(await fillStorage(page)).toBeGreaterThan(1_000_000);

    await page.locator('[data-import]').setInputFiles(file);
    await expect
      .poll(() => status(page))
      .toMatch(/^Could not import reading-list\.json: .*\bstorage for this site is full\b.*\. Nothing was changed\.$/u);
    expect(await status(page)).not.toMatch(/\boff\b|does not allow/u);
    expect(await savedTitles(page, 'saved')).toEqual([own]);
    await page.reload();
    await expect.poll(() => savedTitles(page, 'saved')).toEqual([own]);

    await emptyStorage(page);
    await page.locator('[data-import]').setInputFiles(file);
    await expect.poll(() => status(page)).toBe('Imported reading-list.json: 2 papers added or updated.');
    expect((await savedTitles(page, 'saved')).sort()).toEqual([own, ...titles].sort());
    expectNoErrors(errors);
  });

  for (const [how, script] of [
    [
      'storing throws a SecurityError',
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
      },
    ],
    [
      'localStorage itself throws, as with site data blocked',
      () => {
        Object.defineProperty(window, 'localStorage', {
          get: () => {
            throw new DOMException(
              "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
              'SecurityError',
            );
          },
        });
      },
    ],
  ] as const) {
    it(`says storage is off when ${how}, and changes nothing`, async () => {
      const { page, context, errors } = await openPage();
      await context.addInitScript(script);
      const { file } = exportedList(dir);
      await page.goto(`${server.url}saved/`);
      await expect.poll(() => page.locator('[data-saved-empty="saved"]').isVisible()).toBe(true);
      await page.locator('[data-import]').setInputFiles(file);
      await expect
        .poll(() => status(page))
        .toMatch(/^Could not import reading-list\.json: .*\(storage is off\)\. Nothing was changed\.$/u);
      expect(await status(page)).not.toMatch(/full/u);
      expect(await savedTitles(page, 'saved')).toEqual([]);
      expectNoErrors(errors);
    });
  }
});

describeInBrowser('reading status from disk (file://)', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  const fileUrl = (file: string) => pathToFileURL(join(SITE_BUILD, file)).href;

  it('saves a paper opened from disk and lists it on the Saved page, which links back to it on disk', async () => {
    const { page, errors, requests } = await openPage();
    await page.goto(fileUrl('papers/adanns-a-framework-for-adaptive-semantic-search/index.html'));
    const title = await page.locator('h1').textContent();
    await saveButton(page.locator('.paper-header')).click();
    await expect.poll(() => pressed(saveButton(page.locator('.paper-header')))).toBe('true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved' }).click();
    await page.waitForURL(fileUrl('saved/index.html'));
    await expect.poll(() => savedTitles(page, 'saved')).toEqual([title]);
    await page.locator('[data-saved-list="saved"] .paper-card-title a').click();
    await page.waitForURL(fileUrl('papers/adanns-a-framework-for-adaptive-semantic-search/index.html'));
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expectNoErrors(errors);
  });
});
