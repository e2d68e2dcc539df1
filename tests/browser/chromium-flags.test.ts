import { chromium, type Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/browser.ts';
import { describeInBrowser } from '../helpers/browser-suite.ts';

/** The features a browser runs with disabled, as chrome://version lists them; the browser is closed after. */
async function disabledFeatures(browser: Browser): Promise<string[]> {
  let variations: string | null;
  try {
    const page = await browser.newPage();
    await page.goto('chrome://version/?show-variations-cmd');
    variations = await page.locator('#variations-cmd').textContent();
  } finally {
    // Test files share one process: a browser left open by a failure would outlive this file.
    await browser.close();
  }
  const list = /--disable-features="([^"]*)"/u.exec(variations ?? '')?.[1];
  expect(list, variations ?? 'no variations').toBeDefined();
  return list!.split(',');
}

describeInBrowser('Chromium as the tests and the benchmark start it', () => {
  it('keeps every feature Playwright turns off turned off, and the address bar popups too', async () => {
    // Chromium keeps only the last --disable-features: launchChromium's must repeat Playwright's.
    const playwrights = await disabledFeatures(
      await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'], headless: true }),
    );
    expect(playwrights).toContain('HttpsUpgrades');
    const ours = await disabledFeatures(await launchChromium());
    expect(playwrights.filter((feature) => !ours.includes(feature))).toEqual([]);
    expect(ours).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
  });
});
