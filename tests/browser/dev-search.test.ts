import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiskSearch, type DiskIndexData } from '../../src/lib/search/disk-search.ts';
import { describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { buildEnv, FIXTURE_PROJECT, SITE_BUILD } from '../helpers/site-builds.ts';

/** Astro's dev server starting cold on a busy 2-core machine. */
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess, ms: number): Promise<boolean> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

/** The papers the built site's search from disk finds for a query, by title. */
function builtDiskSearchTitles(query: string): string[] {
  const sandbox: { papershelfDiskIndex?: DiskIndexData } = {};
  runInNewContext(readFileSync(join(SITE_BUILD, 'search/disk-index.js'), 'utf8'), sandbox);
  return new DiskSearch(sandbox.papershelfDiskIndex!).search(query).results.map((result) => result.title);
}

describeInBrowser('search under astro dev', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let dev: ChildProcess | undefined;
  let output = '';
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    // The fixture project has its pages from ingest already. Its own process group, so that
    // stopping it stops npx, Astro and whatever they started.
    dev = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: FIXTURE_PROJECT,
      env: buildEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (dev.exitCode !== null) throw new Error(`astro dev stopped with code ${dev.exitCode}:\n${output}`);
      try {
        if ((await fetch(`${url}search/`)).ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`astro dev did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    if (!dev?.pid) return;
    const group = -dev.pid;
    try {
      process.kill(group, 'SIGTERM');
      if (!(await exited(dev, STOP_TIMEOUT_MS))) process.kill(group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, STOP_TIMEOUT_MS + 5_000);

  it('finds papers with the engine for search from disk, from the records ingest wrote', async () => {
    const { page, errors, requests } = await openPage();
    await page.goto(`${url}search/?q=quantization`);
    expect(await page.locator('[data-search-form]').getAttribute('data-search-engine')).toBe('disk');
    const status = page.locator('[data-search-status]');
    // The first visit compiles the page's scripts.
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/match “quantization”|could not load/u);
    expect(await status.textContent()).toMatch(/^\d+ papers match “quantization”\.$/u);
    const expected = builtDiskSearchTitles('quantization');
    expect(expected.length).toBeGreaterThan(1);
    expect(await page.locator('[data-search-results] > li h2').allTextContents()).toEqual(expected);
    expect(requests.filter((address) => address.includes('/pagefind/'))).toEqual([]);
    expectNoErrors(errors);
  });
});
