/**
 * The fuzz run: cases from mutate.ts through the pure pipeline, each in a worker stopped at a time
 * limit, and some through the ingest CLI. A case passes when ingest writes pages or refuses the
 * input as bad input is refused (one line, `file:line: reason`, with no stack trace); any other
 * error, or a case over the time limit, is a failure to fix.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace, readPages, REPO, runIngest, SEEDS } from '../helpers/workspace.ts';
import { fuzzCase, type FuzzCase } from './mutate.ts';
import { CaseRunner, type CaseOutcome } from './run-case.ts';

export interface FuzzOptions {
  /** How many cases: numbered from `seed` on. */
  cases: number;
  seed: number;
  /** How many of them also go through the CLI (spread over the run). */
  cliCases: number;
  /** A case that takes longer is a failure: only a hang or work far beyond linear gets near it. */
  limitMs: number;
  onProgress?: (done: number) => void;
}

export interface FuzzFailure {
  seed: number;
  /** What went wrong: the error with its stack, a time-out, or what the CLI did wrong. */
  problem: string;
  steps: string[];
}

export interface FuzzReport {
  cases: number;
  written: number;
  refused: number;
  /** How often each kind of refusal came up: the reason with numbers and quotes left out. */
  reasons: Map<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
}

/** The seed dumps the cases are made from: the project's sources and the hostile fixture. */
export function seedDumps(): string[] {
  const files = [
    ...readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(SEEDS, name)),
    join(REPO, 'tests/fixtures/hostile/hostile.txt'),
  ];
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** A refusal as the CLI prints it: one line naming a file of the project's content, and a line number for a place in it. */
const CLI_REFUSAL = /^content\/(?:sources\/[^\n:]+:\d+|overrides\.json(?::\d+)?|sources|themes\.json): [^\n]+$/u;
const reasonOf = (message: string): string =>
  message
    .replace(/^[^ ]+ /u, '')
    .replace(/"[^"]*"/gu, '"…"')
    .replace(/\d[\d,]*/gu, 'N')
    .slice(0, 90);

/** Runs `fuzz` through the CLI in a project whose pages were written before: a refusal must leave them as they were. */
function checkCli(fuzz: FuzzCase, limitMs: number): string | null {
  const root = makeWorkspace([join(SEEDS, '001_d6eefe5445dffbd2.txt')]);
  try {
    if (runIngest(root).code !== 0) return 'the CLI failed on a seed dump';
    const pages = readPages(root);
    const sources = join(root, 'content/sources');
    for (const name of readdirSync(sources)) rmSync(join(sources, name));
    for (const source of fuzz.sources) writeFileSync(join(sources, source.name), source.bytes);
    if (fuzz.overridesText !== undefined) writeFileSync(join(root, 'content/overrides.json'), fuzz.overridesText);
    const result = runIngest(root, limitMs);
    if (result.code === 0) return null;
    if (result.code !== 1) return `the CLI ended with code ${result.code} (-1: stopped at the time limit)\n${result.stderr}`;
    if (!CLI_REFUSAL.test(result.stderr.trim())) return `the CLI did not refuse in one line:\n${result.stderr}`;
    const after = readPages(root);
    if (after.size !== pages.size || [...pages].some(([name, page]) => after.get(name) !== page))
      return 'the CLI refused the input but changed content/papers';
    return null;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function problemOf(outcome: CaseOutcome, limitMs: number): string | null {
  if (outcome.status === 'crashed') return outcome.message;
  if (outcome.status === 'timeout') return `stopped after ${limitMs} ms`;
  return null;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const dumps = seedDumps();
  const runner = new CaseRunner();
  const report: FuzzReport = { cases: 0, written: 0, refused: 0, reasons: new Map(), failures: [], slowestMs: 0 };
  const cliEvery = options.cliCases > 0 ? Math.max(1, Math.floor(options.cases / options.cliCases)) : Infinity;
  try {
    for (let index = 0; index < options.cases; index++) {
      const fuzz = fuzzCase(options.seed + index, dumps);
      const outcome = await runner.run(
        {
          kind: 'ingest',
          sources: fuzz.sources,
          ...(fuzz.overridesText === undefined ? {} : { overridesText: fuzz.overridesText }),
        },
        options.limitMs,
      );
      report.cases++;
      report.slowestMs = Math.max(report.slowestMs, outcome.ms);
      if (outcome.status === 'ok') report.written++;
      if (outcome.status === 'refused') {
        report.refused++;
        const reason = reasonOf(outcome.message);
        report.reasons.set(reason, (report.reasons.get(reason) ?? 0) + 1);
      }
      const problem =
        problemOf(outcome, options.limitMs) ??
        (index % cliEvery === 0 ? checkCli(fuzz, Math.max(options.limitMs, 60_000)) : null);
      if (problem !== null) report.failures.push({ seed: fuzz.seed, problem, steps: fuzz.steps });
      options.onProgress?.(index + 1);
    }
  } finally {
    await runner.close();
  }
  return report;
}
