import type { Browser } from 'playwright-core';

export interface SearchMetrics {
  /** Milliseconds from typing a query to its first result on screen, per query, each in a fresh browser context. */
  latencies: number[];
  medianMs: number;
  /** Bytes of Pagefind files fetched from opening the search page to the first results. */
  firstQueryPagefindBytes: number;
}

/** Queries typed, each in a fresh browser: single words and phrases across the themes. */
export const QUERIES = [
  'quantization',
  'low-rank adaptation',
  'pruning',
  'federated',
  'retrieval',
  'adversarial',
  'unlearning',
  'continual learning',
  'data selection',
  'transformer',
  'distribution shift',
];

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Opens the search page cold for each query, types it, and times the first result appearing. */
export async function measureSearch(browser: Browser, siteUrl: string): Promise<SearchMetrics> {
  const latencies: number[] = [];
  let firstQueryPagefindBytes = 0;
  for (const [index, query] of QUERIES.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname.includes('/pagefind/'))
        bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    // The page starts loading the search engine at once; typing starts once it is idle, as a reader would.
    await page.goto(`${siteUrl}search/`, { waitUntil: 'networkidle' });
    const elapsed = await page.evaluate(async (text) => {
      const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
      const list = document.querySelector('[data-search-results]')!;
      const started = performance.now();
      const shown = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (list.children.length > 0) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(list, { childList: true });
      });
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await shown;
      return performance.now() - started;
    }, query);
    latencies.push(elapsed);
    await page.waitForLoadState('networkidle');
    if (index === 0) firstQueryPagefindBytes = bytes;
    await context.close();
  }
  return { latencies, medianMs: median(latencies), firstQueryPagefindBytes };
}
