import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  OFFLINE_OFF_BUILD,
  SITE_BUILD,
  SITE_BUILD_AGAIN,
  SUBPATH_BASE,
  SUBPATH_BUILD,
  SUBPATH_SITE,
} from './helpers/site-builds.ts';
import { REPO } from './helpers/workspace.ts';

function build(outDir: string, env: Record<string, string> = {}): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: REPO,
    env: { ...process.env, OUT_DIR: outDir, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`site build into ${outDir} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Builds the site once for all tests that read the built output or drive a browser. Set
 * PAPERSHELF_REUSE_BUILDS=1 to reuse earlier builds while working on tests.
 */
export default function setup(): void {
  const builds: [string, Record<string, string>][] = [
    [SITE_BUILD, {}],
    [SITE_BUILD_AGAIN, {}],
    [SUBPATH_BUILD, { BASE: SUBPATH_BASE, SITE: SUBPATH_SITE }],
    [OFFLINE_OFF_BUILD, { PAPERSHELF_OFFLINE: 'off' }],
  ];
  for (const [outDir, env] of builds) {
    if (process.env['PAPERSHELF_REUSE_BUILDS'] === '1' && existsSync(outDir)) continue;
    build(outDir, env);
  }
}
