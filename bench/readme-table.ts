/**
 * `node bench/readme-table.ts`: the short Performance table for README.md, one column per size in
 * bench/results.json; docs/performance.md has the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the table reads of a result of bench/run.ts. */
interface Result {
  papers: number;
  machine: { cpu: string; cores: number; memoryGb: number; node: string };
  runs: number;
  phases: Record<'ingest' | 'astro' | 'total', { ms: number; peakRss: number }>;
  baseline: { ms: number };
  ratio: number;
  paperPageBytes: { median: number; max: number };
  search: { medianMs: number } | null;
  heaviestHtmlPage?: { bytes: number };
  lighthouse?: { performance: number; accessibility: number }[] | null;
  budgetsMet: boolean;
  measuredAt: string;
}

const results = Object.values(
  JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as Record<string, Result>,
).sort((a, b) => a.papers - b.papers);
if (results.length === 0) throw new Error('bench/results.json has no results: run npm run bench -- --papers N first');

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows: [string, (result: Result) => string][] = [
  ['whole build (`npm run build`)', (r) => s(r.phases.total.ms)],
  ['bare Astro + Pagefind baseline', (r) => s(r.baseline.ms)],
  ['build / baseline (budget 1.3×)', (r) => `${r.ratio.toFixed(2)}×`],
  ['ingest (budget 5 s at 10,000)', (r) => s(r.phases.ingest.ms)],
  ['peak RSS (budget 2 GB; 3.5 GB at 20,000)', (r) => gb(r.phases.total.peakRss)],
  ['paper page, max (budget 25 kB)', (r) => kb(r.paperPageBytes.max)],
  ['heaviest HTML page (budget 200 kB)', (r) => (r.heaviestHtmlPage ? kb(r.heaviestHtmlPage.bytes) : '–')],
  ['first search results (budget 300 ms)', (r) => (r.search ? `${r.search.medianMs} ms` : '–')],
  [
    'Lighthouse, lowest of 5 pages: performance · accessibility (budget 0.95 · 1)',
    (r) =>
      r.lighthouse
        ? `${Math.min(...r.lighthouse.map((score) => score.performance)).toFixed(2)} · ${Math.min(...r.lighthouse.map((score) => score.accessibility)).toFixed(2)}`
        : '–',
  ],
  ['all budgets met', (r) => (r.budgetsMet ? 'yes' : 'no')],
];
const { machine } = results[0]!;
const listed = (values: readonly (string | number)[]): string => [...new Set(values)].join(', ');
const dates = listed(results.map((r) => r.measuredAt.slice(0, 10)));
console.log(
  `\`npm run bench -- --papers N --runs ${listed(results.map((r) => r.runs))}\`, ${dates}, ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node} (fastest run of each):\n`,
);
console.log(`| | ${results.map((r) => `${r.papers.toLocaleString('en')} papers`).join(' | ')} |`);
console.log(`| --- | ${results.map(() => '---:').join(' | ')} |`);
for (const [label, cell] of rows) console.log(`| ${label} | ${results.map(cell).join(' | ')} |`);
