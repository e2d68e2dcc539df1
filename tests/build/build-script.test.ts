import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkNodeModules, REPO } from '../../scripts/lib/project-copy.ts';

/** A copy of the project with the seeds, as from a fresh clone, sharing the repository's packages. */
function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'papershelf-build-'));
  for (const path of ['src', 'public', 'scripts', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(REPO, path), join(root, path), { recursive: true, filter: (source) => !source.includes('content/papers') });
  linkNodeModules(root);
  return root;
}

describe('npm run build with a bad dump', () => {
  it('stops Astro (started beside ingest), names file and line, exits with code 1 and writes no site', () => {
    const root = projectCopy();
    writeFileSync(join(root, 'content/sources/999_bad.txt'), 'new\n\nA Title Without Abstract\n');
    const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/sources/999_bad.txt:3: the paper "A Title Without Abstract" has no abstract');
    expect(result.stderr).toContain('build: ingest failed');
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(existsSync(join(root, 'content/papers'))).toBe(false);
  });
});
