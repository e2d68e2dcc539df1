import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy } from '../../scripts/lib/project-copy.ts';
import { buildEnv, FIXTURE_PAPERS, SITE_BUILD_AGAIN } from '../helpers/site-builds.ts';
import { PAUSED_LINE } from '../helpers/pause-build.ts';
import { siteFiles } from '../helpers/site-files.ts';

/** Stops a build at an exact moment of replacing dist/, where output lines come too late to kill it at. */
const PAUSE_HOOK = join(import.meta.dirname, '../helpers/pause-build.ts');
type Pause = 'first-page' | 'rendering' | 'before-swap' | 'between-renames';

/** Four builds killed part-way and a whole one, in a cold project copy on a busy 2-core machine. */
const TEST_TIMEOUT_MS = 240_000;
/** A build that never reaches the line it is to be killed at is stopped after this long. */
const RUN_TIMEOUT_MS = 90_000;

const copies: string[] = [];
afterAll(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

/** Every file of a folder with its bytes (none when there is no such folder). */
function snapshot(dir: string): Map<string, Buffer> {
  if (!existsSync(dir)) return new Map();
  return new Map(siteFiles(dir).map((file) => [file, readFileSync(join(dir, file))]));
}

/** The files of `dir` that differ from `before`: missing, added or changed. */
function differences(dir: string, before: Map<string, Buffer>): string[] {
  const after = snapshot(dir);
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => {
    const [was, is] = [before.get(file), after.get(file)];
    return !was || !is || !was.equals(is);
  });
}

/** Output of builds left in the project: dist/ and the folders beside it that builds stage in. */
const buildOutput = (root: string) =>
  readdirSync(root)
    .filter((name) => name === 'dist' || name.startsWith('.dist-'))
    .sort();

/** Whether any process of the group `id` still runs. */
function groupRunning(id: number): boolean {
  try {
    process.kill(-id, 0);
    return true;
  } catch {
    return false;
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** The process group the build ran in. */
  group: number;
}

/**
 * Runs `astro build` in `root`, in a process group of its own (npx, Astro, Pagefind's service), and
 * kills the whole group with SIGKILL as soon as its output so far passes `killAt`, as a power cut
 * or the system running out of memory would. Without `killAt` the build runs to its end. With
 * `pause`, the build stops at that moment of putting its site in place and says so (pause-build.ts).
 */
function astroBuild(root: string, killAt?: (output: string) => boolean, pause?: Pause): Promise<Run> {
  const settings = pause ? { NODE_OPTIONS: `--import=${PAUSE_HOOK}`, PAPERSHELF_TEST_PAUSE: pause } : {};
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], { cwd: root, env: buildEnv(settings), detached: true });
    const group = child.pid!;
    let output = '';
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone: the build ended on its own (the test then says it was not killed).
      }
    };
    const timer = setTimeout(kill, RUN_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt?.(output)) kill();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, group });
    });
  });
}

/** The paper whose title the new build changes, so that the new site differs from the previous one. */
const CHANGED_SLUG = 'adanns-a-framework-for-adaptive-semantic-search';
const OLD_TITLE = 'AdANNS: A Framework for Adaptive Semantic Search';
const NEW_TITLE = `${OLD_TITLE} (revised)`;

/** A paper page written into a staging folder. */
const PAPER_PAGE = /^papers\/[a-z0-9-]+\/index\.html$/u;

interface KillMoment {
  moment: string;
  /** When to kill the build, from the output it printed so far. */
  killAt: (output: string) => boolean;
  pause?: Pause;
  /** What the killed build had written into its staging folder (its files; null: no folder), to show it died at that moment. */
  staged: (files: string[] | null, paperPages: number) => boolean;
}

const paused = (output: string) => output.includes(PAUSED_LINE);
/** A whole site: the last files the build writes are there. */
const whole = (files: string[] | null) =>
  files !== null &&
  ['index.html', 'pagefind/pagefind-entry.json', 'search/disk-index.js', 'sw.js'].every((file) => files.includes(file));

/** Moments a build is killed at, in the order they come. */
const KILL_MOMENTS: KillMoment[] = [
  {
    moment: 'while it renders the paper pages',
    killAt: paused,
    pause: 'rendering',
    staged: (files, paperPages) => files !== null && !files.includes('pagefind/pagefind-entry.json') && paperPages > 0,
  },
  {
    moment: 'at the end, when every file is written and dist/ is about to be replaced',
    killAt: paused,
    pause: 'before-swap',
    staged: whole,
  },
];

describe('a killed astro build', () => {
  it(
    'leaves the previous dist/ complete, byte for byte, whenever it dies; the next build finishes and removes what it left',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const root = projectCopy(tmpdir(), 'papershelf-killed-');
      copies.push(root);
      // The previous good build: the fixture site `npm run build` made, and the pages it was made from.
      cpSync(FIXTURE_PAPERS, join(root, 'content/papers'), { recursive: true });
      cpSync(SITE_BUILD_AGAIN, join(root, 'dist'), { recursive: true });
      // Since then a paper's title changed: a build that got as far as replacing dist/ shows it.
      for (const file of [`${CHANGED_SLUG}.md`, 'search-records.json']) {
        const path = join(root, 'content/papers', file);
        const text = readFileSync(path, 'utf8');
        expect(text, file).toContain(`"${OLD_TITLE}"`);
        writeFileSync(path, text.replace(`"${OLD_TITLE}"`, `"${NEW_TITLE}"`));
      }
      const previous = snapshot(join(root, 'dist'));
      for (const file of ['index.html', `papers/${CHANGED_SLUG}/index.html`, 'sw.js', 'search/disk-index.js', 'rss.xml'])
        expect(previous.has(file), file).toBe(true);
      expect([...previous.keys()].filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10);

      const paperPages = [...previous.keys()].filter((file) => PAPER_PAGE.test(file)).length;
      /** The staging folders killed builds left. */
      const left: string[] = [];
      for (const { moment, killAt, pause, staged } of KILL_MOMENTS) {
        const run = await astroBuild(root, killAt, pause);
        expect(run.signal, `killed ${moment}; output:\n${run.output}`).toBe('SIGKILL');
        expect(run.output, `killed ${moment}, not after the site was replaced`).not.toMatch(/the site is in/u);
        await expect.poll(() => groupRunning(run.group), { message: 'every process of the build is gone' }).toBe(false);
        expect(differences(join(root, 'dist'), previous), `dist/ after a build killed ${moment}`).toEqual([]);
        // This build removed the folders the builds killed before it had left, and left at most its own.
        const staging = buildOutput(root).filter((name) => name !== 'dist');
        expect(
          staging.filter((name) => left.includes(name)),
          `${moment}: folders left by earlier builds`,
        ).toEqual([]);
        expect(staging.length, moment).toBeLessThanOrEqual(1);
        expect(
          staging.filter((name) => !/^\.dist-staging-\d+$/u.test(name)),
          moment,
        ).toEqual([]);
        const files = staging[0] === undefined ? null : siteFiles(join(root, staging[0]));
        const pages = (files ?? []).filter((file) => PAPER_PAGE.test(file)).length;
        expect(
          staged(files, pages),
          `${moment}: ${files?.length ?? 'no'} files staged, ${pages} of ${paperPages} paper pages`,
        ).toBe(true);
        left.push(...staging);
      }
      // The builds killed while rendering and at the end had written into their staging folder; the last one is still there.
      expect(left.length).toBeGreaterThanOrEqual(2);
      expect(buildOutput(root)).toEqual([left.at(-1), 'dist']);

      // Killed between its two renames, a build leaves no dist/: the previous site is aside, whole,
      // and the next build, even one killed at once, puts it back before anything else.
      const between = await astroBuild(root, paused, 'between-renames');
      expect(between.signal, between.output).toBe('SIGKILL');
      await expect.poll(() => groupRunning(between.group)).toBe(false);
      const aside = buildOutput(root).filter((name) => /^\.dist-previous-\d+$/u.test(name));
      expect(aside).toHaveLength(1);
      expect(differences(join(root, aside[0]!), previous)).toEqual([]);
      const next = await astroBuild(root, paused, 'first-page');
      expect(next.signal, next.output).toBe('SIGKILL');
      await expect.poll(() => groupRunning(next.group)).toBe(false);
      expect(differences(join(root, 'dist'), previous), 'dist/ put back by the next build').toEqual([]);
      // Nothing set aside any more; only the staging folder of the build just killed, as it starts rendering: no page in it yet.
      const [stagedAtStart, ...others] = buildOutput(root).filter((name) => name !== 'dist');
      expect(others).toEqual([]);
      expect(stagedAtStart).toMatch(/^\.dist-staging-\d+$/u);
      const startedFiles = siteFiles(join(root, stagedAtStart!));
      expect(startedFiles.filter((file) => PAPER_PAGE.test(file) || file === 'index.html')).toEqual([]);

      const full = await astroBuild(root);
      expect(full.code, full.output).toBe(0);
      expect(buildOutput(root)).toEqual(['dist']);
      const built = snapshot(join(root, 'dist'));
      expect(built.get(`papers/${CHANGED_SLUG}/index.html`)!.toString()).toContain(`<h1>${NEW_TITLE}</h1>`);
      // The new build is whole: every file of the previous site (Pagefind's under new names), the new title everywhere.
      const withoutIndex = (files: Iterable<string>) => [...files].filter((file) => !file.startsWith('pagefind/'));
      expect(withoutIndex(built.keys())).toEqual(withoutIndex(previous.keys()));
      expect([...built.keys()].filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10);
      for (const file of ['search/disk-index.js', 'papers.json', 'rss.xml'])
        expect(built.get(file)!.toString(), file).toContain(NEW_TITLE);
      expect(built.get('sw.js')!.equals(previous.get('sw.js')!), 'a new worker, for a new version').toBe(false);
    },
  );
});
