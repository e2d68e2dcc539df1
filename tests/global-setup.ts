import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { syntheticDumps } from '../bench/synthetic-dumps.ts';
import { isRunning } from '../src/lib/process.ts';
import { projectCopy, REPO } from '../scripts/lib/project-copy.ts';
import {
  BUILD_ROOT,
  buildEnv,
  FIXTURE_PROJECT,
  FIXTURE_SOURCES,
  SEEDS_BUILD,
  PAGED_BUILD,
  PAGED_PAPERS,
  SITE_BUILD,
  SITE_BUILD_AGAIN,
  SUBPATH_BASE,
  SUBPATH_BUILD,
  SUBPATH_SITE,
} from './helpers/site-builds.ts';

/** Held by one test run at a time, from its setup to its end, while it builds or reads the fixture builds. */
const LOCK = `${BUILD_ROOT}.lock`;
const LOCK_WAIT_MS = 15 * 60_000;

function run(cwd: string, command: string, args: string[], settings: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: buildEnv(settings), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${[command, ...args].join(' ')} (${JSON.stringify(settings)}) failed:\n${output}`)),
    );
  });
}

/** A fresh copy of the project with the fixture's dumps, as a clone is before its first build. */
function fixtureProject(): string {
  const root = projectCopy(BUILD_ROOT);
  for (const source of FIXTURE_SOURCES) copyFileSync(source, join(root, 'content/sources', basename(source)));
  return root;
}

/** A fresh copy of the project with its own seed dumps. */
function seedsProject(): string {
  const root = projectCopy(BUILD_ROOT);
  cpSync(join(REPO, 'content/sources'), join(root, 'content/sources'), { recursive: true });
  return root;
}

/** A fresh copy of the project whose dumps list a few hundred synthetic papers. */
function pagedProject(): string {
  const root = projectCopy(BUILD_ROOT);
  for (const dump of syntheticDumps(PAGED_PAPERS)) writeFileSync(join(root, 'content/sources', dump.name), dump.text);
  return root;
}

/** How a test file names the fixture builds (from site-builds.ts). */
const NAMES_A_BUILD = /\b(?:SITE_BUILD|SITE_BUILD_AGAIN|SUBPATH_BUILD|SEEDS_BUILD|PAGED_BUILD|FIXTURE_PROJECT|FIXTURE_PAPERS)\b/u;

/**
 * Whether any of the run's test files reads the fixture builds. The run's file filters are Vitest's
 * own (internal) field: without them, every file runs.
 */
async function usesFixtureBuilds(project: TestProject | undefined): Promise<boolean> {
  const filters = (project?.vitest as { filenamePattern?: string[] } | undefined)?.filenamePattern;
  if (!project || !filters) return true;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.length === 0 || testFiles.some((file) => NAMES_A_BUILD.test(readFileSync(file, 'utf8')));
}

/**
 * Several people run tests in one checkout: a run that rebuilt the fixture while another run's
 * tests read it would fail both. A run waits for the lock; one whose process died leaves it stale.
 */
async function acquireLock(): Promise<() => void> {
  const owner = join(LOCK, 'pid');
  const started = Date.now();
  let noticed = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(owner, String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(owner, 'utf8'));
    } catch {
      // Just made, pid not yet written: wait for it.
    }
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS)
      throw new Error(`${LOCK} is still held by process ${pid}: is another test run stuck?`);
    if (!noticed) console.warn(`Waiting for another test run (process ${pid}) to finish with the fixture builds…`);
    noticed = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Builds the fixture site once for all tests that read the built output or drive a browser: as a
 * plain `astro build` after `npm run ingest` (the site must be complete that way too), and with
 * `npm run build` in other fresh copies of the project: once more as it is, under a sub-path, and
 * without offline reading. The builds run side by side, each in its own copy. Set
 * PAPERSHELF_REUSE_BUILDS=1 to reuse earlier builds while working on tests. A run of tests that
 * never read the builds (unit tests, ingest's) builds nothing.
 */
export default async function setup(project?: TestProject): Promise<(() => void) | undefined> {
  if (!(await usesFixtureBuilds(project))) return undefined;
  const unlock = await acquireLock();
  /** Held until the run ends; a watching Vitest, which runs as long as its terminal stays open, gives it back once the builds are made. */
  const release = (): (() => void) | undefined => {
    if (!project?.vitest.config.watch) return unlock;
    unlock();
    return undefined;
  };
  try {
    if (process.env['PAPERSHELF_REUSE_BUILDS'] === '1' && existsSync(PAGED_BUILD)) return release();
    rmSync(BUILD_ROOT, { recursive: true, force: true });
    // Under a fixed name, so that tests find the pages ingest wrote.
    renameSync(fixtureProject(), FIXTURE_PROJECT);
    const builds = await Promise.allSettled([
      run(FIXTURE_PROJECT, 'npm', ['run', '--silent', 'ingest']).then(() =>
        run(FIXTURE_PROJECT, 'npx', ['astro', 'build'], { OUT_DIR: SITE_BUILD }),
      ),
      run(fixtureProject(), 'npm', ['run', '--silent', 'build'], { OUT_DIR: SITE_BUILD_AGAIN }),
      run(fixtureProject(), 'npm', ['run', '--silent', 'build'], {
        OUT_DIR: SUBPATH_BUILD,
        BASE: SUBPATH_BASE,
        SITE: SUBPATH_SITE,
      }),
      run(seedsProject(), 'npm', ['run', '--silent', 'build'], { OUT_DIR: SEEDS_BUILD, PAPERSHELF_OFFLINE: 'off' }),
      run(pagedProject(), 'npm', ['run', '--silent', 'build'], { OUT_DIR: PAGED_BUILD }),
    ]);
    const failed = builds.find((build) => build.status === 'rejected');
    if (failed) throw failed.reason;
    return release();
  } catch (error) {
    unlock();
    throw error;
  }
}
