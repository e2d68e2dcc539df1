import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../scripts/lib/browser.ts';

const available = hasChromium();
if (!available) {
  if (process.env['CI'] === 'true')
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: CI must install it (apt-get install -y chromium)`);
  console.warn(
    `NOTICE: browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
}

/** `describe` for tests that need Chromium: skipped with a notice locally without it, a failure in CI. */
export const describeInBrowser = available ? describe : describe.skip;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface BrowserOptions {
  /** 'block' for tests of pages alone: each new context would otherwise install the site's service worker and precache its shell. */
  serviceWorkers?: 'allow' | 'block';
}

/** A browser shared by a test file, with pages that record console errors and network requests. */
export function useBrowser({ serviceWorkers = 'allow' }: BrowserOptions = {}) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  return async function openPage(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}) {
    const context = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1280, height: 900 },
      serviceWorkers,
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    return { page, context, errors, requests };
  };
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page and returns its violations, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Once per page load: parsing axe takes longer than many of its runs.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

export function expectNoErrors(errors: readonly string[]): void {
  expect(errors, 'console errors').toEqual([]);
}

/**
 * Console errors of pages opened from disk, but for the 404 page's known ones: its <base> (needed
 * when hosted, since it is served at any address) makes the browser's preload scanner ask for its
 * stylesheet and script at the root of the disk before the inline script removes the <base> and the
 * page loads them from its own folder. A Content-Security-Policy without inline styles rules out the
 * inlined copies it used to carry. The page ends up styled (the tests check that); at most these two
 * requests fail.
 */
export function errorsBut404Preloads(errors: readonly string[]): string[] {
  const preloads: string[] = errors.filter((error) => error === 'Failed to load resource: net::ERR_FILE_NOT_FOUND');
  return preloads.length <= 2 ? errors.filter((error) => !preloads.includes(error)) : [...errors];
}
