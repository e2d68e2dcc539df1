import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectCopy } from '../scripts/lib/project-copy.ts';
import {
  BUILD_ROOT,
  FIXTURE_PROJECT,
  FIXTURE_SOURCES,
  OFFLINE_OFF_BUILD,
  SITE_BUILD,
  SITE_BUILD_AGAIN,
  SUBPATH_BASE,
  SUBPATH_BUILD,
  SUBPATH_SITE,
} from './helpers/site-builds.ts';

function run(command: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(command, args, { cwd: FIXTURE_PROJECT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${[command, ...args].join(' ')} (${JSON.stringify(env)}) failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Builds the fixture site once for all tests that read the built output or drive a browser: first
 * as a plain `astro build` after `npm run ingest` (the site must be complete that way too), then with
 * `npm run build`, under a sub-path, and without offline reading. Set PAPERSHELF_REUSE_BUILDS=1 to
 * reuse earlier builds while working on tests.
 */
export default function setup(): void {
  if (process.env['PAPERSHELF_REUSE_BUILDS'] === '1' && existsSync(OFFLINE_OFF_BUILD)) return;
  rmSync(BUILD_ROOT, { recursive: true, force: true });
  // Under a fixed name, so that tests find the pages ingest wrote.
  renameSync(projectCopy(BUILD_ROOT), FIXTURE_PROJECT);
  for (const source of FIXTURE_SOURCES) copyFileSync(source, join(FIXTURE_PROJECT, 'content/sources', basename(source)));
  run('npm', ['run', '--silent', 'ingest'], {});
  run('npx', ['astro', 'build'], { OUT_DIR: SITE_BUILD });
  run('npm', ['run', '--silent', 'build'], { OUT_DIR: SITE_BUILD_AGAIN });
  run('npm', ['run', '--silent', 'build'], { OUT_DIR: SUBPATH_BUILD, BASE: SUBPATH_BASE, SITE: SUBPATH_SITE });
  run('npm', ['run', '--silent', 'build'], { OUT_DIR: OFFLINE_OFF_BUILD, PAPERSHELF_OFFLINE: 'off' });
}
