/**
 * `npm run bench -- --papers N [--runs R] [--scratch DIR]`: builds the site for N papers (224: the
 * real sources; more: synthetic dumps from a fixed seed) in scratch copies of the project, never
 * touching content/ or dist/; only the last run's copies are kept. Each build runs `npm run build`'s
 * commands one after the other (ingest, then `astro build`, whose integrations write the search
 * indexes and the service worker), timing each and sampling the memory of its whole process tree
 * (Pagefind's own process included). A bare Astro project renders the same Markdown through the
 * same processor and Pagefind indexes its pages: the baseline. R builds of each (default 3),
 * alternating, the fastest counting. Then it measures the built site (page weight, search in
 * Chromium), checks the budgets, writes bench/results.json, and exits with code 1 when a budget
 * fails. docs/performance.md says more.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasChromium, launchChromium, serveSite } from '../scripts/lib/browser.ts';
import { linkNodeModules, projectCopy } from '../scripts/lib/project-copy.ts';
import { relatedPapers } from '../src/lib/related.ts';
import { memoryFolderWithRoom } from '../scripts/lib/memory-folder.ts';
import { readSearchRecords } from '../src/lib/search/records.ts';
import { readPaperPage } from '../src/lib/ingest/markdown.ts';
import { RELATED_COUNT } from '../src/site.config.ts';
import { measureSearch, median, type SearchMetrics } from './browser-metrics.ts';
import { lighthouseScores, pagesToScore, type LighthouseScore } from './lighthouse.ts';
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
  /** The whole build against the baseline, at 2,000 papers and more (below, Astro's start-up, the same in both, is most of it). */
  ratio: 1.3,
  ingestMs10k: 5000,
  peakRss10k: 2 * 1024 ** 3,
  pageWeight: 25 * 1024,
  searchMs: 300,
  /** No HTML page a reader opens may be heavier, at any size of the reading list. */
  htmlPage: 200 * 1024,
  lighthousePerformance: 0.95,
  lighthouseAccessibility: 1,
  /** At 20,000 papers: memory, and time against the 10,000-paper build (cost grows about linearly). */
  peakRss20k: 3.5 * 1024 ** 3,
  timeRatio20kTo10k: 2.2,
  /** "Related papers stay fast at scale": a few seconds at most for 10,000 papers. */
  relatedMs10k: 3000,
};

/**
 * Where the copies are built: in memory (/dev/shm) where the system has it with room, else
 * bench/scratch/; `--scratch DIR` chooses. On a disk, deleting a previous run's many files slowed
 * creating files for minutes after, which billed one build's cleanup to the next.
 */
function scratchRoot(): string {
  if (values.scratch) return resolve(values.scratch);
  // A run's two copies take well under 100 kB per paper (the site, its sources and pages, the baseline).
  const memory = memoryFolderWithRoom(papers * 100 * 1024);
  return memory ? join(memory, 'papershelf-bench') : join(REPO, 'bench/scratch');
}
const scratch = join(scratchRoot(), String(papers));
const log = (text: string): void => console.error(`bench: ${text}`);

/** A build's commands, as `npm run build` runs them (one after the other, with the project's node_modules/.bin first on PATH). */
interface BuildStep {
  name: 'ingest' | 'astro';
  command: string;
}

/**
 * `npm run build`'s commands, from package.json, so that the benchmark measures the build a user
 * runs. It expects ingest then `astro build`; if the build script changes shape, the benchmark says
 * so instead of timing something else.
 */
function buildSteps(project: string): BuildStep[] {
  const script = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[
    'build'
  ];
  const commands = (script ?? '').split('&&').map((command) => command.trim());
  const [ingest, astro] = commands;
  if (commands.length !== 2 || !ingest?.includes('scripts/ingest.ts') || !/\bastro build\b/u.test(astro ?? '')) {
    throw new Error(
      `bench/run.ts times npm run build as "node scripts/ingest.ts && astro build", but package.json's build is "${script}": update buildSteps`,
    );
  }
  return [
    { name: 'ingest', command: ingest },
    { name: 'astro', command: astro! },
  ];
}

function fillSources(full: string): void {
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

/** Lines of a build's output worth showing while it runs: summaries, not Astro's line per page. */
const SHOWN =
  /^ingest:|^time:|\[papershelf:|\[@astrojs|\[offline|\[build\] (?!.*\(\+)|pages built|Complete|pagefind:|error|warn/iu;

/**
 * Runs one command as `npm run` would (a shell, node_modules/.bin first on PATH, so `node` is the
 * project's Node), timing it and sampling the memory of its process tree. Pagefind's process is
 * told apart, to see whether its memory meets Astro's.
 */
async function step(name: string, command: string, cwd: string): Promise<Measurement> {
  log(`${name}: ${command}`);
  const result = await measure('sh', ['-c', command], {
    cwd,
    env: { ASTRO_TELEMETRY_DISABLED: '1', PATH: `${join(cwd, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
    rootRole: name,
    roleOf: (commandLine) => (/pagefind(?:_extended)? --service/u.test(commandLine) ? 'pagefind' : undefined),
    onOutput: (text) => {
      for (const line of text.split('\n')) if (SHOWN.test(line)) log(`  ${line.trim()}`);
    },
  });
  log(`${name}: ${(result.ms / 1000).toFixed(1)} s, peak ${mb(result.peakRss)}`);
  return result;
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Bytes of a paper page before search opens: its HTML plus the stylesheets and scripts it loads. */
function paperPageWeights(dist: string): number[] {
  // Every paper's page, as papers.json names it (papers/ also holds the pages of the list of all papers).
  const pages = (JSON.parse(readFileSync(join(dist, 'papers.json'), 'utf8')) as { file: string }[]).map((paper) =>
    join(dist, paper.file),
  );
  const assetSize = new Map<string, number>();
  return pages.map((page) => {
    const dir = dirname(page);
    const html = readFileSync(page, 'utf8');
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

interface BrowserMetrics {
  search: SearchMetrics;
  lighthouse: LighthouseScore[];
}

/** Search latency and Lighthouse scores, on the built site served on loopback. */
async function browserMetrics(dist: string): Promise<BrowserMetrics | null> {
  if (!hasChromium()) {
    log('no Chromium: search latency and Lighthouse not measured (apt-get install -y chromium)');
    return null;
  }
  const server = await serveSite(dist);
  try {
    const browser = await launchChromium();
    let search: SearchMetrics;
    try {
      search = await measureSearch(browser, server.url);
    } finally {
      await browser.close();
    }
    log('Lighthouse: 3 runs of each page');
    const lighthouse = await lighthouseScores(server.url, pagesToScore(dist), join(REPO, 'node_modules/lighthouse/cli/index.js'));
    return { search, lighthouse };
  } finally {
    await server.close();
  }
}

/** The heaviest HTML page of the site, from its root. */
function heaviestHtmlPage(dist: string, files: readonly string[]): { path: string; bytes: number } {
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ path: file.slice(dist.length + 1), bytes: statSync(file).size }))
    .reduce((a, b) => (b.bytes > a.bytes ? b : a));
}

/** Times the related-papers computation alone on the ingested pages: it must grow linearly, not with every pair. */
function timeRelatedPapers(full: string): number {
  const records = readSearchRecords(join(full, 'content/papers'));
  const inputs = records.map((record) => ({ id: record.slug, text: `${record.title} ${record.title} ${record.text}` }));
  const started = performance.now();
  relatedPapers(inputs, RELATED_COUNT);
  return performance.now() - started;
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface Build {
  /** The build's two steps, each measured over its own process tree. */
  steps: Record<BuildStep['name'], Measurement>;
  /** The whole build: the steps' times added up. */
  ms: number;
  cpuMs: number;
  /** The whole build's peak: the higher of its steps' peaks, since they run one after the other. */
  peakRss: number;
  /** The machine's load average over the last minute as the build ended: how busy others kept the cores. */
  load: number;
}

interface BaselineBuild {
  astro: Measurement;
  pagefind: Measurement;
  ms: number;
  cpuMs: number;
  peakRss: number;
  load: number;
}

async function buildFull(parent: string): Promise<{ build: Build; full: string }> {
  const full = projectCopy(parent);
  fillSources(full);
  // Flush the copy's writes so that they are not billed to the build.
  spawnSync('sync');
  const steps = {} as Build['steps'];
  for (const { name, command } of buildSteps(full)) steps[name] = await step(name, command, full);
  const all = Object.values(steps);
  return {
    full,
    build: {
      steps,
      ms: all.reduce((sum, m) => sum + m.ms, 0),
      cpuMs: all.reduce((sum, m) => sum + m.cpuMs, 0),
      peakRss: Math.max(...all.map((m) => m.peakRss)),
      load: loadavg()[0]!,
    },
  };
}

async function buildBaseline(baseline: string, full: string): Promise<BaselineBuild> {
  prepareBaseline(baseline, full);
  spawnSync('sync');
  const astro = await step('baseline astro', 'astro build', baseline);
  // The copy's script, so that the baseline indexes with the same code as the build it is compared with.
  const pagefind = await step(
    'baseline pagefind',
    `node ${join(full, 'scripts/pagefind-index.ts')} dist '*/index.html'`,
    baseline,
  );
  return {
    astro,
    pagefind,
    ms: astro.ms + pagefind.ms,
    cpuMs: astro.cpuMs + pagefind.cpuMs,
    peakRss: Math.max(astro.peakRss, pagefind.peakRss),
    load: loadavg()[0]!,
  };
}

const fastest = (values: readonly number[]): number => Math.round(Math.min(...values));
const highest = (values: readonly number[]): number => Math.max(...values);

/** Where in Astro's build Pagefind ran, and whose memory made the peak: what to look at when the peak nears its budget. */
function astroMemory(build: Build): {
  peakAtMs: number;
  peakSplit: Record<string, number>;
  pagefindFromMs?: number;
  pagefindToMs?: number;
} {
  const astro = build.steps.astro;
  const span = astro.spanByRole['pagefind'];
  return {
    peakAtMs: Math.round(astro.peakAtMs),
    peakSplit: astro.peakRssSplit,
    ...(span && { pagefindFromMs: Math.round(span.fromMs), pagefindToMs: Math.round(span.toMs) }),
  };
}

async function main(): Promise<void> {
  log(`${papers} papers, ${runs} run(s) of each build: preparing ${scratch}`);
  rmSync(scratch, { recursive: true, force: true });
  const builds: Build[] = [];
  const baselineBuilds: BaselineBuild[] = [];
  let full = '';
  for (let run = 1; run <= runs; run += 1) {
    log(`run ${run} of ${runs}`);
    // Each build in a fresh copy, as from a fresh clone, with its own Astro and Vite caches; the two
    // kinds alternate so that a slow spell of the machine does not fall on one kind only.
    rmSync(join(scratch, `run-${run - 1}`), { recursive: true, force: true });
    const done = await buildFull(join(scratch, `run-${run}`));
    full = done.full;
    builds.push(done.build);
    baselineBuilds.push(await buildBaseline(join(scratch, `run-${run}`, 'baseline'), full));
  }
  const relatedMs = timeRelatedPapers(full);
  log(`related papers for ${papers} papers: ${Math.round(relatedMs)} ms`);
  const totalMs = fastest(builds.map((build) => build.ms));
  const baselineMs = fastest(baselineBuilds.map((build) => build.ms));
  const stepOf = (name: BuildStep['name']) => ({
    ms: fastest(builds.map((build) => build.steps[name].ms)),
    cpuMs: fastest(builds.map((build) => build.steps[name].cpuMs)),
    peakRss: highest(builds.map((build) => build.steps[name].peakRss)),
  });
  const totalCpuMs = fastest(builds.map((build) => build.cpuMs));
  const baselineCpuMs = fastest(baselineBuilds.map((build) => build.cpuMs));
  // The run with the highest peak tells what the peak is made of.
  const peakRun = builds.reduce((a, b) => (b.peakRss > a.peakRss ? b : a));

  const dist = join(full, 'dist');
  const files = filesUnder(dist);
  const weights = paperPageWeights(dist);
  const browser = await browserMetrics(dist);
  const search = browser?.search ?? null;
  const result = {
    papers,
    /** The build measured; results.json keeps only results of this same build. */
    buildScript: buildSteps(full)
      .map((buildStep) => buildStep.command)
      .join(' && '),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    runs,
    /**
     * Each step: its fastest run, and the highest peak memory of all runs. The whole build: the
     * fastest run's time (ingest plus Astro), and the highest peak of either step in any run.
     */
    phases: {
      ingest: stepOf('ingest'),
      /** `astro build` with its integrations: Pagefind (its own process, started at astro:build:start) and the service worker. */
      astro: { ...stepOf('astro'), ...astroMemory(peakRun) },
      total: { ms: totalMs, cpuMs: totalCpuMs, peakRss: highest(builds.map((build) => build.peakRss)) },
    },
    baseline: {
      ms: baselineMs,
      astroMs: fastest(baselineBuilds.map((build) => build.astro.ms)),
      pagefindMs: fastest(baselineBuilds.map((build) => build.pagefind.ms)),
      cpuMs: baselineCpuMs,
      peakRss: highest(baselineBuilds.map((build) => build.peakRss)),
    },
    /** Every run's steps and baseline, in milliseconds, to show how much the machine swung. */
    allRunsMs: {
      ingest: builds.map((build) => Math.round(build.steps.ingest.ms)),
      astro: builds.map((build) => Math.round(build.steps.astro.ms)),
      full: builds.map((build) => Math.round(build.ms)),
      baseline: baselineBuilds.map((build) => Math.round(build.ms)),
    },
    /** The load average (1 minute) as each build and baseline ended; this benchmark's own build adds one to two. */
    allRunsLoad: {
      full: builds.map((build) => Number(build.load.toFixed(1))),
      baseline: baselineBuilds.map((build) => Number(build.load.toFixed(1))),
    },
    ratio: Number((totalMs / baselineMs).toFixed(3)),
    /** CPU time against the baseline's: not a budget, but it barely moves when others share the cores, so it tells the code's share of a ratio that moved. */
    cpuRatio: Number((totalCpuMs / baselineCpuMs).toFixed(3)),
    relatedPapersMs: Math.round(relatedMs),
    pagesBuilt: files.filter((file) => file.endsWith('.html')).length,
    distBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    paperPageBytes: { median: median(weights), max: Math.max(...weights) },
    heaviestHtmlPage: heaviestHtmlPage(dist, files),
    lighthouse: browser?.lighthouse ?? null,
    search: search && {
      medianMs: Math.round(search.medianMs),
      latenciesMs: search.latencies.map(Math.round),
      firstQueryPagefindBytes: search.firstQueryPagefindBytes,
    },
  };

  const { astro } = result.phases;
  const pagefindSpan =
    astro.pagefindFromMs === undefined ? 'not seen' : `${seconds(astro.pagefindFromMs)} to ${seconds(astro.pagefindToMs!)}`;
  console.log(
    `\nPapershelf benchmark: ${papers} papers on ${result.machine.cores} × ${result.machine.cpu}, ${result.machine.memoryGb} GB, Node ${result.machine.node}; ` +
      `fastest of ${runs} run(s) (whole builds: ${result.allRunsMs.full.map(seconds).join(', ')}; ` +
      `baselines: ${result.allRunsMs.baseline.map(seconds).join(', ')}; ` +
      `load average as each ended: ${result.allRunsLoad.full.join(', ')} and ${result.allRunsLoad.baseline.join(', ')})\n`,
  );
  console.log(`| measure | value |\n| --- | ---: |`);
  for (const [name, value] of [
    ['ingest (`node scripts/ingest.ts`)', `${seconds(result.phases.ingest.ms)} · ${mb(result.phases.ingest.peakRss)}`],
    ['`astro build` (with Pagefind and the service worker)', `${seconds(astro.ms)} · ${mb(astro.peakRss)}`],
    ['whole build (peak RSS)', `${seconds(result.phases.total.ms)} · ${mb(result.phases.total.peakRss)}`],
    ['baseline: bare Astro, then Pagefind', `${seconds(result.baseline.ms)} · ${mb(result.baseline.peakRss)}`],
    ['whole build / baseline', `${result.ratio.toFixed(2)}×`],
    [
      'CPU time: whole build / baseline',
      `${seconds(result.phases.total.cpuMs)} / ${seconds(result.baseline.cpuMs)} = ${result.cpuRatio.toFixed(2)}×`,
    ],
    ["Pagefind's process, in `astro build`", pagefindSpan],
    [
      "`astro build`'s peak: when, and whose",
      `at ${seconds(astro.peakAtMs)}: ${Object.entries(astro.peakSplit)
        .map(([role, bytes]) => `${role} ${mb(bytes)}`)
        .join(', ')}`,
    ],
    ['related papers (part of `astro build`)', `${result.relatedPapersMs} ms`],
    ['pages built', String(result.pagesBuilt)],
    ['dist/ size', mb(result.distBytes)],
    ['paper page weight (HTML+CSS+JS), median / max', `${kb(result.paperPageBytes.median)} / ${kb(result.paperPageBytes.max)}`],
    ['Pagefind bytes for a first query', result.search ? kb(result.search.firstQueryPagefindBytes) : 'not measured'],
    ['first results after typing, median', result.search ? `${result.search.medianMs} ms` : 'not measured'],
    ['heaviest HTML page', `${kb(result.heaviestHtmlPage.bytes)} (${result.heaviestHtmlPage.path})`],
    ...(result.lighthouse ?? []).map((score): [string, string] => [
      `Lighthouse, ${score.name}: performance · accessibility`,
      `${score.performance.toFixed(2)} (runs ${score.performanceRuns.join(', ')}) · ${score.accessibility.toFixed(2)}`,
    ]),
  ]) {
    console.log(`| ${name} | ${value} |`);
  }

  const failures: string[] = [];
  // Ingest's time and memory are budgeted at 10,000 papers; at 20,000 the build is held to its own budgets below.
  const tenThousandBudgets = papers >= 10000 && papers < 20000;
  if (papers >= 2000 && result.ratio > BUDGETS.ratio) {
    failures.push(
      `the build is ${result.ratio.toFixed(2)}× the baseline (budget ${BUDGETS.ratio}×; in CPU time ${result.cpuRatio.toFixed(2)}×, and the load average was ${result.allRunsLoad.full.join(', ')}: if the machine was busy, run again when it is quiet): compare astro build (${seconds(astro.ms)}) with the baseline's Astro (${seconds(result.baseline.astroMs)}); look at pages rendered beyond the paper pages (theme and list pages, feeds), the time to the first page (bundle, front matter, the library loaded before rendering) and related-paper scoring; see docs/performance.md`,
    );
  }
  if (tenThousandBudgets && result.relatedPapersMs > BUDGETS.relatedMs10k) {
    failures.push(
      `related papers took ${result.relatedPapersMs} ms (budget 3 s): check that postings stay capped in src/lib/related.ts`,
    );
  }
  if (tenThousandBudgets && result.phases.ingest.ms > BUDGETS.ingestMs10k) {
    failures.push(
      `ingest took ${seconds(result.phases.ingest.ms)} (budget 5 s): profile with node --cpu-prof scripts/ingest.ts in ${full}`,
    );
  }
  if (tenThousandBudgets && result.phases.total.peakRss > BUDGETS.peakRss10k) {
    failures.push(
      `peak RSS ${mb(result.phases.total.peakRss)} (budget 2 GB), at ${seconds(astro.peakAtMs)} of astro build with Pagefind's process running ${pagefindSpan}: if Pagefind's memory meets Astro's rendering, look at when src/lib/search/pagefind.ts starts it; else at what Astro keeps per page`,
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
  if (result.heaviestHtmlPage.bytes > BUDGETS.htmlPage) {
    failures.push(
      `${result.heaviestHtmlPage.path} weighs ${kb(result.heaviestHtmlPage.bytes)} (budget 200 kB for any page): lists are paged by PAGE_SIZE in src/site.config.ts`,
    );
  }
  for (const score of result.lighthouse ?? []) {
    if (score.performance < BUDGETS.lighthousePerformance || score.accessibility < BUDGETS.lighthouseAccessibility) {
      failures.push(
        `Lighthouse on ${score.name} (${score.path || 'home'}): performance ${score.performance} (budget 0.95), accessibility ${score.accessibility} (budget 1): run npx lighthouse on the page for the audits that cost points`,
      );
    }
  }
  if (papers >= 20000) {
    const tenThousand = readResults()['10000'];
    if (result.phases.total.peakRss > BUDGETS.peakRss20k) {
      failures.push(`peak RSS ${mb(result.phases.total.peakRss)} at ${papers} papers (budget 3.5 GB)`);
    }
    if (!tenThousand) {
      failures.push('no 10,000-paper result in bench/results.json to compare with: run npm run bench -- --papers 10000 first');
    } else if (result.phases.total.ms > BUDGETS.timeRatio20kTo10k * tenThousand.phases.total.ms) {
      failures.push(
        `the build took ${seconds(result.phases.total.ms)}, over ${BUDGETS.timeRatio20kTo10k}× the 10,000-paper build's ${seconds(tenThousand.phases.total.ms)}: some step grows faster than the papers`,
      );
    }
  }
  writeResult({ ...result, budgetsMet: failures.length === 0, measuredAt: new Date().toISOString() });
  console.log(`\nresults in bench/results.json`);
  if (failures.length > 0) {
    console.log(`\nBudgets not met:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('All budgets met.');
  }
}

const RESULTS = join(REPO, 'bench/results.json');

/** bench/results.json: the last result of each size, by number of papers. */
function readResults(): Record<string, { buildScript?: string; phases: { total: { ms: number } } }> {
  return existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
}

/** Adds this size's result to bench/results.json, dropping results of another build script, which do not compare. */
function writeResult<Result extends { papers: number; buildScript: string }>(result: Result): void {
  const kept = Object.entries(readResults()).filter(([, other]) => other.buildScript === result.buildScript);
  writeFileSync(RESULTS, `${JSON.stringify(Object.fromEntries([...kept, [String(result.papers), result]]), null, 2)}\n`);
}

await main();
