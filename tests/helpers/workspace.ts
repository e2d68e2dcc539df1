import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../../scripts/lib/project-copy.ts';

export { REPO };
export const SEEDS = join(REPO, 'content/sources');

/** A scratch project root with its own content/sources, for running the ingest CLI on. */
export function makeWorkspace(sourceFiles: readonly string[] = readdirSync(SEEDS).map((name) => join(SEEDS, name))): string {
  const root = mkdtempSync(join(tmpdir(), 'papershelf-'));
  mkdirSync(join(root, 'content/sources'), { recursive: true });
  for (const file of sourceFiles) copyFileSync(file, join(root, 'content/sources', file.split('/').at(-1)!));
  writeFileSync(join(root, 'content/overrides.json'), '{}\n');
  return root;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/ingest.ts` against a workspace, with the Node that runs the tests and `env` over the
 * tests' environment (undefined leaves a variable out); code -1 when it had to be killed.
 */
export function runIngest(root: string, timeoutMs = 120_000, env: NodeJS.ProcessEnv = {}): RunResult {
  const result = spawnSync(process.execPath, [join(REPO, 'scripts/ingest.ts')], {
    cwd: REPO,
    env: { ...process.env, ...env, PAPERSHELF_ROOT: root },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The Markdown pages ingest wrote into a workspace, by file name. */
export function readPages(root: string): Map<string, string> {
  const dir = join(root, 'content/papers');
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}
