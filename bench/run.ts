/**
 * `npm run bench -- --papers N [--runs R]`: builds the site for N papers (224: the real sources; more:
 * synthetic dumps from a fixed seed) in scratch copies (in /dev/shm, or bench/scratch/), never touching
 * content/ or dist/; only the last run's copies are kept. Runs `npm run build` (scripts/build.ts) as one
 * command, takes each step's time from it and samples peak memory per step; builds a bare-Astro baseline of the same abstracts,
 * R times each (default 3), alternating, and keeps the fastest; measures the built site (size, page
 * weight, search in Chromium), checks the budgets and writes bench/results.json. Exits with code 1
 * when a budget fails.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasChromium, launchChromium, serveSite } from '../tests/helpers/browser.ts';
import { linkNodeModules } from '../tests/helpers/workspace.ts';
import { relatedPapers } from '../src/lib/related.ts';
import { memoryFolderWithRoom } from '../src/lib/search/memory-folder.ts';
import { readSearchRecords } from '../src/lib/search/pagefind.ts';
import { readPaperPage } from '../src/lib/ingest/markdown.ts';
import { RELATED_COUNT } from '../src/site.config.ts';
import { measureSearch, median, type SearchMetrics } from './browser-metrics.ts';
import { measure, type Measurement } from './measure.ts';
import { syntheticDumps } from './synthetic-dumps.ts';

const REPO = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { papers: { type: 'string', default: '224' }, runs: { type: 'string', default: '3' }, scratch: { type: 'string' } },
});
const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1) throw new Error(`--papers takes a whole number, not "${values.papers}"`);
/** Builds of each kind, alternating: the fastest counts, since a busy machine only ever adds time. */
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number, not "${values.runs}"`);

export const BUDGETS = {
  ratio: 1.3,
  ingestMs10k: 5000,
  peakRss10k: 2 * 1024 ** 3,
  pageWeight: 25 * 1024,
  searchMs: 300,
  /** "Related papers stay fast at scale": a few seconds at most for 10,000 papers. */
  relatedMs10k: 3000,
};

/**
 * Where the copies are built: in memory (/dev/shm) where the system has it with room, else bench/scratch/;
 * `--scratch DIR` chooses. On this project's machines the disk made runs swing by ±50 %: after many
 * files are deleted (a previous run's copies), creating a file took up to 0.5 ms for minutes (ext4
 * without a journal skips recently deleted inodes), which billed one build's cleanup to the next.
 */
function scratchRoot(): string {
  if (values.scratch) return resolve(values.scratch);
  // A run's two copies take about 70 kB per paper (the site, its sources and pages, the baseline).
  const memory = memoryFolderWithRoom(papers * 100 * 1024);
  return memory ? join(memory, 'papershelf-bench') : join(REPO, 'bench/scratch');
}
const scratch = join(scratchRoot(), String(papers));
const log = (text: string): void => console.error(`bench: ${text}`);

function prepareFullCopy(full: string): void {
  mkdirSync(join(full, 'content/sources'), { recursive: true });
  for (const path of [
    'src',
    'public',
    'scripts',
    'astro.config.mjs',
    'tsconfig.json',
    'package.json',
    'content/themes.ts',
    'content/overrides.json',
  ]) {
    cpSync(join(REPO, path), join(full, path), { recursive: true });
  }
  linkNodeModules(full);
  if (papers === 224) {
    cpSync(join(REPO, 'content/sources'), join(full, 'content/sources'), { recursive: true });
  } else {
    for (const dump of syntheticDumps(papers)) writeFileSync(join(full, 'content/sources', dump.name), dump.text);
  }
}

/** The baseline renders the same abstracts (the Markdown ingest wrote) with only a title in front matter. */
function prepareBaseline(baseline: string, full: string): void {
  cpSync(join(REPO, 'bench/baseline'), baseline, { recursive: true });
  linkNodeModules(baseline);
  writeFileSync(join(baseline, 'package.json'), '{ "name": "baseline", "private": true, "type": "module" }\n');
  mkdirSync(join(baseline, 'content/papers'), { recursive: true });
  for (const name of readdirSync(join(full, 'content/papers')).filter((file) => file.endsWith('.md'))) {
    const { data, body } = readPaperPage(readFileSync(join(full, 'content/papers', name), 'utf8'));
    writeFileSync(join(baseline, 'content/papers', name), `---\ntitle: ${JSON.stringify(data.title)}\n---\n${body}`);
  }
}

const node = process.execPath;
const astroBin = join(REPO, 'node_modules/astro/bin/astro.mjs');
const quietEnv = { ASTRO_TELEMETRY_DISABLED: '1' };

async function phase(
  name: string,
  args: string[],
  cwd: string,
  options: { env?: Record<string, string>; rootRole?: string; roleOf?: (command: string) => string | undefined } = {},
): Promise<Measurement> {
  // Flush pending writes (the scratch copy, the previous phase) so they are not billed to this phase.
  spawnSync('sync');
  log(`${name}…`);
  const result = await measure(node, args, {
    cwd,
    env: { ...quietEnv, ...options.env },
    rootRole: options.rootRole,
    roleOf: options.roleOf,
    onOutput: (text) => {
      for (const line of text.split('\n'))
        if (/ingest:|pages built|Complete|search:|offline:|build:|parsed|wrote/u.test(line)) log(`  ${line.trim()}`);
    },
  });
  log(`${name}: ${(result.ms / 1000).toFixed(1)} s, peak ${(result.peakRss / 1024 ** 2).toFixed(0)} MB`);
  return result;
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Bytes of a paper page before search opens: its HTML plus the stylesheets and scripts it loads. */
function paperPageWeights(dist: string): number[] {
  const pages = readdirSync(join(dist, 'papers'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const assetSize = new Map<string, number>();
  return pages.map((entry) => {
    const dir = join(dist, 'papers', entry.name);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script[^>]*\ssrc="([^"]+)"/gu)].map((match) =>
      resolve(dir, match[1] ?? match[2]!),
    );
    return (
      Buffer.byteLength(html) +
      assets.reduce((sum, asset) => {
        if (!assetSize.has(asset)) assetSize.set(asset, statSync(asset).size);
        return sum + assetSize.get(asset)!;
      }, 0)
    );
  });
}

async function searchMetrics(dist: string): Promise<SearchMetrics | null> {
  if (!hasChromium()) {
    log('no Chromium: search latency not measured (apt-get install -y chromium)');
    return null;
  }
  const server = await serveSite(dist);
  const browser = await launchChromium();
  try {
    return await measureSearch(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Times the related-papers computation alone on the ingested pages: it must grow linearly, not with every pair. */
function timeRelatedPapers(full: string): number {
  const records = readSearchRecords(join(full, 'content/papers'));
  const inputs = records.map((record) => ({ id: record.slug, text: `${record.title} ${record.title} ${record.text}` }));
  const started = performance.now();
  relatedPapers(inputs, RELATED_COUNT);
  return performance.now() - started;
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Wall times of the build's steps, as scripts/build.ts reports them; Pagefind runs beside Astro. */
interface BuildTimings {
  ingestMs: number;
  astroMs: number;
  pagefindMs: number;
  finishMs: number;
}

interface FullBuild {
  timings: BuildTimings;
  /** The whole build, as `npm run build` runs it. */
  build: Measurement;
  ms: number;
}

/** Which step of the build a process belongs to; the rest (Pagefind and the finishing) run in the build script's process. */
const buildRole = (command: string): string | undefined =>
  command.includes('scripts/ingest.ts') ? 'ingest' : command.includes('scripts/astro-build.ts') ? 'astro' : undefined;

interface BaselineBuild {
  astro: Measurement;
  pagefind: Measurement;
  ms: number;
}

async function buildFull(full: string): Promise<FullBuild> {
  prepareFullCopy(full);
  const timingsFile = join(full, 'build-timings.json');
  const build = await phase('build (ingest, then astro with pagefind beside it)', ['scripts/build.ts'], full, {
    env: { PAPERSHELF_BUILD_TIMINGS: timingsFile },
    rootRole: 'pagefind',
    roleOf: buildRole,
  });
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as BuildTimings;
  return { timings, build, ms: build.ms };
}

async function buildBaseline(baseline: string, full: string): Promise<BaselineBuild> {
  prepareBaseline(baseline, full);
  const astro = await phase('baseline astro', [astroBin, 'build'], baseline);
  const pagefind = await phase('baseline pagefind', [join(REPO, 'scripts/pagefind-index.ts'), 'dist', '*/index.html'], baseline);
  return { astro, pagefind, ms: astro.ms + pagefind.ms };
}

const fastest = (values: readonly number[]): number => Math.min(...values);
const peak = (measurements: readonly Measurement[]): number => Math.max(...measurements.map((m) => m.peakRss));

async function main(): Promise<void> {
  log(`${papers} papers, ${runs} run(s) of each build: preparing ${scratch}`);
  rmSync(scratch, { recursive: true, force: true });
  const fullBuilds: FullBuild[] = [];
  const baselineBuilds: BaselineBuild[] = [];
  let full = '';
  for (let run = 1; run <= runs; run += 1) {
    log(`run ${run} of ${runs}`);
    // Each build in a fresh copy, as from a fresh clone; the two kinds alternate so that a slow spell
    // of the machine does not fall on one kind only.
    if (full) rmSync(dirname(full), { recursive: true, force: true });
    full = join(scratch, `run-${run}`, 'papershelf');
    fullBuilds.push(await buildFull(full));
    baselineBuilds.push(await buildBaseline(join(scratch, `run-${run}`, 'baseline'), full));
  }
  const relatedMs = timeRelatedPapers(full);
  log(`related papers for ${papers} papers: ${Math.round(relatedMs)} ms`);
  const stepMs = (step: keyof BuildTimings): number => Math.round(fastest(fullBuilds.map((run) => run.timings[step])));
  const peakOf = (role: string): number => Math.max(...fullBuilds.map((run) => run.build.peakRssByRole[role] ?? 0));
  const totalMs = fastest(fullBuilds.map((build) => build.ms));
  const baselineMs = fastest(baselineBuilds.map((build) => build.ms));

  const dist = join(full, 'dist');
  const files = filesUnder(dist);
  const weights = paperPageWeights(dist);
  const search = await searchMetrics(dist);
  const result = {
    papers,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    runs,
    /** Each phase: its fastest run, and the highest peak memory of all runs. */
    phases: {
      ingest: { ms: stepMs('ingestMs'), peakRss: peakOf('ingest') },
      astro: { ms: stepMs('astroMs'), peakRss: peakOf('astro') },
      /** Beside Astro, from the end of ingest; its memory includes the build script's, which runs it. */
      pagefind: { ms: stepMs('pagefindMs'), peakRss: peakOf('pagefind') },
      /** After Astro and Pagefind: the search files and the service worker. */
      finish: { ms: stepMs('finishMs') },
      /** The fastest whole build, and the highest memory of the whole build at any moment. */
      total: { ms: Math.round(totalMs), peakRss: peak(fullBuilds.map((run) => run.build)) },
    },
    baseline: {
      ms: Math.round(baselineMs),
      astroMs: Math.round(fastest(baselineBuilds.map((build) => build.astro.ms))),
      pagefindMs: Math.round(fastest(baselineBuilds.map((build) => build.pagefind.ms))),
      peakRss: Math.max(...baselineBuilds.map((build) => peak([build.astro, build.pagefind]))),
    },
    /** Every run's whole build and baseline, in milliseconds, to show how much the machine swung. */
    allRunsMs: {
      full: fullBuilds.map((build) => Math.round(build.ms)),
      baseline: baselineBuilds.map((build) => Math.round(build.ms)),
    },
    ratio: Number((totalMs / baselineMs).toFixed(3)),
    relatedPapersMs: Math.round(relatedMs),
    pagesBuilt: files.filter((file) => file.endsWith('.html')).length,
    distBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    paperPageBytes: { median: median(weights), max: Math.max(...weights) },
    search: search && {
      medianMs: Math.round(search.medianMs),
      latenciesMs: search.latencies.map(Math.round),
      firstQueryPagefindBytes: search.firstQueryPagefindBytes,
    },
  };

  const rows: [string, string, string][] = [
    ['ingest', seconds(result.phases.ingest.ms), mb(result.phases.ingest.peakRss)],
    ['astro', seconds(result.phases.astro.ms), mb(result.phases.astro.peakRss)],
    ['pagefind, beside astro', seconds(result.phases.pagefind.ms), mb(result.phases.pagefind.peakRss)],
    ['finishing: search files, service worker', seconds(result.phases.finish.ms), ''],
    ['total', seconds(result.phases.total.ms), mb(result.phases.total.peakRss)],
    ['baseline (bare Astro + Pagefind)', seconds(result.baseline.ms), mb(result.baseline.peakRss)],
  ];
  console.log(
    `\nPapershelf benchmark: ${papers} papers on ${result.machine.cores} × ${result.machine.cpu}, ${result.machine.memoryGb} GB; ` +
      `fastest of ${runs} run(s) (whole builds: ${result.allRunsMs.full.map(seconds).join(', ')}; ` +
      `baselines: ${result.allRunsMs.baseline.map(seconds).join(', ')})\n`,
  );
  console.log(
    `| phase | wall time | peak RSS |\n| --- | ---: | ---: |\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`,
  );
  console.log(`| measure | value |\n| --- | ---: |`);
  for (const [name, value] of [
    ['full build / baseline', `${result.ratio.toFixed(2)}×`],
    ['related papers (part of the astro phase)', `${result.relatedPapersMs} ms`],
    ['pages built', String(result.pagesBuilt)],
    ['dist/ size', mb(result.distBytes)],
    ['paper page weight (HTML+CSS+JS), median', kb(result.paperPageBytes.median)],
    ['paper page weight, max', kb(result.paperPageBytes.max)],
    ['Pagefind bytes for a first query', result.search ? kb(result.search.firstQueryPagefindBytes) : 'not measured'],
    ['first results after typing, median', result.search ? `${result.search.medianMs} ms` : 'not measured'],
  ]) {
    console.log(`| ${name} | ${value} |`);
  }

  const failures: string[] = [];
  if (papers >= 2000 && result.ratio > BUDGETS.ratio) {
    failures.push(
      `build is ${result.ratio.toFixed(2)}× the baseline (budget ${BUDGETS.ratio}×): compare the astro phase with the baseline's; look at pages rendered per paper (theme and list pages) and at related-paper scoring`,
    );
  }
  if (papers >= 10000 && result.relatedPapersMs > BUDGETS.relatedMs10k) {
    failures.push(
      `related papers took ${result.relatedPapersMs} ms (budget 3 s): check that postings stay capped in src/lib/related.ts`,
    );
  }
  if (papers >= 10000 && result.phases.ingest.ms > BUDGETS.ingestMs10k) {
    failures.push(
      `ingest took ${seconds(result.phases.ingest.ms)} (budget 5 s): profile with node --cpu-prof scripts/ingest.ts in ${full}`,
    );
  }
  if (papers >= 10000 && result.phases.total.peakRss > BUDGETS.peakRss10k) {
    failures.push(
      `peak RSS ${mb(result.phases.total.peakRss)} (budget 2 GB): look at what the astro phase keeps per page, and whether Pagefind (beside Astro) still ends before Astro renders`,
    );
  }
  if (result.paperPageBytes.max > BUDGETS.pageWeight) {
    failures.push(
      `a paper page weighs ${kb(result.paperPageBytes.max)} (budget 25 kB): check site.css, the client scripts and the related/evidence sections`,
    );
  }
  if (result.search && result.search.medianMs > BUDGETS.searchMs) {
    failures.push(
      `search takes ${result.search.medianMs} ms to first results (budget 300 ms): check the typing delay in src/client/search.ts and the Pagefind bytes fetched`,
    );
  }
  const resultsPath = join(REPO, 'bench/results.json');
  const all = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
  all[String(papers)] = { ...result, budgetsMet: failures.length === 0, measuredAt: new Date().toISOString() };
  writeFileSync(resultsPath, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`\nresults in bench/results.json`);
  if (failures.length > 0) {
    console.log(`\nBudgets not met:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('All budgets met.');
  }
}

await main();
