import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy } from '../../scripts/lib/project-copy.ts';
import { buildEnv, FIXTURE_PAPERS, FIXTURE_SOURCES, SITE_BUILD_AGAIN } from '../helpers/site-builds.ts';
import { siteFiles } from '../helpers/site-files.ts';

/** A whole build in a cold project copy, on a busy 2-core machine: generous. */
const BUILD_TIMEOUT_MS = 180_000;

const copies: string[] = [];
// After all tests, since some run side by side.
afterAll(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

/** A fresh copy of the project under the system's temporary folder, as a clone is before its first build. */
function freshProject(sources: readonly string[] = FIXTURE_SOURCES): string {
  const root = projectCopy(tmpdir(), 'papershelf-build-');
  copies.push(root);
  for (const source of sources) copyFileSync(source, join(root, 'content/sources', basename(source)));
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in a project and resolves with how it ended (code null: it had to be killed). */
function run(root: string, command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: buildEnv(), timeout: BUILD_TIMEOUT_MS - 10_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file of a folder with its bytes, to tell whether a failed build touched it. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(siteFiles(dir).map((file) => [file, readFileSync(join(dir, file))]));
}

function expectUnchanged(dir: string, before: Map<string, Buffer>): void {
  const after = snapshot(dir);
  expect([...after.keys()], dir).toEqual([...before.keys()]);
  expect(
    [...before].filter(([file, bytes]) => !after.get(file)!.equals(bytes)).map(([file]) => file),
    dir,
  ).toEqual([]);
}

/** Output of a build left in the project: dist/ or a staging folder beside it. */
const buildOutput = (root: string) => readdirSync(root).filter((name) => name === 'dist' || name.startsWith('.dist-'));

describe('npm run build', () => {
  it(
    'stops on a bad dump with its file, line and reason, exit code 1 and no stack trace, and keeps the previous pages and site',
    { timeout: BUILD_TIMEOUT_MS },
    async () => {
      const root = freshProject();
      // The previous good build: what `npm run build` made of the same sources for the fixture site
      // (a second build here would only repeat it).
      cpSync(FIXTURE_PAPERS, join(root, 'content/papers'), { recursive: true });
      cpSync(SITE_BUILD_AGAIN, join(root, 'dist'), { recursive: true });
      const pages = snapshot(join(root, 'content/papers'));
      const site = snapshot(join(root, 'dist'));
      expect([...pages.keys()].filter((file) => file.endsWith('.md')).length).toBeGreaterThan(15);
      expect(site.has('papers.json') && site.has('pagefind/pagefind.js') && site.has('sw.js')).toBe(true);

      writeFileSync(join(root, 'content/sources/999_bad.txt'), 'new\n\nA Title Without Abstract\n');
      const bad = await run(root, 'npm', ['run', 'build']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('content/sources/999_bad.txt:3: the paper "A Title Without Abstract" has no abstract');
      expect(bad.stderr.split('\n').filter((line) => /^\s+at /u.test(line))).toEqual([]);
      expectUnchanged(join(root, 'content/papers'), pages);
      expectUnchanged(join(root, 'dist'), site);
      expect(buildOutput(root)).toEqual(['dist']);
    },
  );
});

// Side by side: each starts Astro in a project of its own, and mostly waits for it.
describe.concurrent('astro build before npm run ingest', () => {
  for (const [state, prepare] of [
    ['missing', () => undefined],
    ['empty', (root: string) => mkdirSync(join(root, 'content/papers'))],
  ] as const) {
    it(
      `stops when content/papers/ is ${state}, says to run npm run ingest, and writes no site`,
      { timeout: BUILD_TIMEOUT_MS },
      async () => {
        const root = freshProject();
        prepare(root);
        const result = await run(root, 'npx', ['astro', 'build']);
        expect(result.code).not.toBe(0);
        expect(result.code).not.toBeNull();
        expect(`${result.stdout}\n${result.stderr}`).toContain('content/papers/ has no paper pages: run `npm run ingest` first');
        expect(buildOutput(root)).toEqual([]);
        expect(existsSync(join(root, 'content/papers')) ? readdirSync(join(root, 'content/papers')) : []).toEqual([]);
      },
    );
  }
});
