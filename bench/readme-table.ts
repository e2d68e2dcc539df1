/** `node bench/readme-table.ts`: the Performance table for README.md, from bench/results.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Result {
  papers: number;
  machine: { cpu: string; cores: number; memoryGb: number; node: string };
  phases: Record<'ingest' | 'astro' | 'pagefind' | 'total', { ms: number; peakRss: number }> & { finish: { ms: number } };
  baseline: { ms: number };
  ratio: number;
  relatedPapersMs?: number;
  pagesBuilt: number;
  distBytes: number;
  paperPageBytes: { median: number; max: number };
  search: { medianMs: number; firstQueryPagefindBytes: number } | null;
  budgetsMet: boolean;
}

const results = Object.values(
  JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as Record<string, Result>,
).sort((a, b) => a.papers - b.papers);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows: [string, (result: Result) => string][] = [
  ['ingest', (r) => `${s(r.phases.ingest.ms)} · ${mb(r.phases.ingest.peakRss)}`],
  ['Astro', (r) => `${s(r.phases.astro.ms)} · ${mb(r.phases.astro.peakRss)}`],
  ['Pagefind, beside Astro', (r) => `${s(r.phases.pagefind.ms)} · ${mb(r.phases.pagefind.peakRss)}`],
  ['finishing: search files, service worker', (r) => s(r.phases.finish.ms)],
  ['whole build (peak RSS)', (r) => `${s(r.phases.total.ms)} · ${mb(r.phases.total.peakRss)}`],
  ['bare Astro + Pagefind baseline', (r) => s(r.baseline.ms)],
  ['build / baseline (budget 1.3×)', (r) => `${r.ratio.toFixed(2)}×`],
  ['related papers, inside the Astro phase', (r) => (r.relatedPapersMs === undefined ? '–' : `${r.relatedPapersMs} ms`)],
  ['pages built', (r) => r.pagesBuilt.toLocaleString('en')],
  ['`dist/` size', (r) => mb(r.distBytes)],
  ['paper page, HTML+CSS+JS, median / max (budget 25 kB)', (r) => `${kb(r.paperPageBytes.median)} / ${kb(r.paperPageBytes.max)}`],
  ['Pagefind bytes for a first query', (r) => (r.search ? kb(r.search.firstQueryPagefindBytes) : '–')],
  ['first results after typing, median (budget 300 ms)', (r) => (r.search ? `${r.search.medianMs} ms` : '–')],
  ['all budgets met', (r) => (r.budgetsMet ? 'yes' : 'no')],
];
const machine = results[0]!.machine;
console.log(
  `Measured with \`npm run bench -- --papers N\` on ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}:\n`,
);
console.log(`| | ${results.map((r) => `${r.papers.toLocaleString('en')} papers`).join(' | ')} |`);
console.log(`| --- | ${results.map(() => '---:').join(' | ')} |`);
for (const [label, cell] of rows) console.log(`| ${label} | ${results.map(cell).join(' | ')} |`);
