/**
 * Lighthouse scores of the pages a reader opens first, as issue 16's budgets define them: Debian's
 * Chromium, Lighthouse's default mobile emulation (simulated slow 4G and a 4× slower CPU), the site
 * served on loopback. Lighthouse runs as its own CLI, the way people run it, one page at a time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../scripts/lib/browser.ts';
import { median } from './browser-metrics.ts';

export interface LighthousePage {
  name: string;
  /** From the site's root. */
  path: string;
}

export interface LighthouseScore extends LighthousePage {
  /** The median of the runs' performance scores (0 to 1): one run swings by a few hundredths. */
  performance: number;
  /** The lowest of the runs' accessibility scores. */
  accessibility: number;
  performanceRuns: number[];
}

/** Home, the largest theme's list, the list of all papers, the heaviest paper page and a search. */
export function pagesToScore(dist: string): LighthousePage[] {
  const papers = JSON.parse(readFileSync(join(dist, 'papers.json'), 'utf8')) as { file: string; themes: string[] }[];
  const sizes = new Map<string, number>();
  for (const paper of papers) for (const theme of paper.themes) sizes.set(theme, (sizes.get(theme) ?? 0) + 1);
  const [largestTheme] = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  const heaviest = papers
    .map((paper) => ({ file: paper.file, bytes: statSync(join(dist, paper.file)).size }))
    .reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return [
    { name: 'home', path: '' },
    { name: `largest theme (${largestTheme})`, path: `themes/${largestTheme}/` },
    { name: 'all papers', path: 'papers/' },
    { name: 'heaviest paper page', path: heaviest.file.replace(/index\.html$/u, '') },
    { name: 'search', path: 'search/?q=quantization' },
  ];
}

interface LighthouseReport {
  categories: Record<'performance' | 'accessibility', { score: number | null }>;
  runtimeError?: { message: string };
}

function runLighthouse(url: string, lighthouseBin: string): Promise<LighthouseReport> {
  const out = mkdtempSync(join(tmpdir(), 'papershelf-lighthouse-'));
  const report = join(out, 'report.json');
  const args = [
    url,
    '--output=json',
    `--output-path=${report}`,
    '--only-categories=performance,accessibility',
    '--chrome-flags=--headless=new --no-sandbox',
    '--quiet',
  ];
  return new Promise<LighthouseReport>((resolve, reject) => {
    const child = spawn(process.execPath, [lighthouseBin, ...args], {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`lighthouse ${url} failed (${code}): ${errors.trim()}`);
        const result = JSON.parse(readFileSync(report, 'utf8')) as LighthouseReport;
        if (result.runtimeError) throw new Error(`lighthouse ${url}: ${result.runtimeError.message}`);
        resolve(result);
      } catch (error) {
        reject(error as Error);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}

/** Scores each page `runs` times, one run at a time (runs side by side would slow each other). */
export async function lighthouseScores(
  siteUrl: string,
  pages: readonly LighthousePage[],
  lighthouseBin: string,
  runs = 3,
): Promise<LighthouseScore[]> {
  const scores: LighthouseScore[] = [];
  for (const page of pages) {
    const reports: LighthouseReport[] = [];
    for (let run = 0; run < runs; run++) reports.push(await runLighthouse(`${siteUrl}${page.path}`, lighthouseBin));
    const performanceRuns = reports.map((report) => report.categories.performance.score ?? 0);
    scores.push({
      ...page,
      performance: median(performanceRuns),
      accessibility: Math.min(...reports.map((report) => report.categories.accessibility.score ?? 0)),
      performanceRuns,
    });
  }
  return scores;
}
