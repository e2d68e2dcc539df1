/**
 * Copies of the project for builds that must not touch its own content/ or dist/ (the benchmark,
 * the test suite's fixture builds): the code and configuration, with sources of their own.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

/** What a build needs of the project: its code and configuration, and content/ but for the dumps and pages. */
const PROJECT_FILES = ['src', 'public', 'scripts', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const NOT_COPIED = /\/content\/(?:sources|papers)(?:\/|$)/u;

/**
 * The project's node_modules for a copy of it: a folder of links to the repository's packages, so
 * that each copy keeps its own Astro and Vite caches (node_modules/.astro, .vite) and every build
 * starts cold.
 */
export function linkNodeModules(project: string): void {
  const modules = join(project, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name !== '.astro' && name !== '.vite') symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  }
}

/**
 * A copy of the project in a new folder under `parent`, with an empty content/sources/ for the
 * caller to fill, as a fresh clone would be before its first build.
 */
export function projectCopy(parent: string, prefix = 'papershelf-'): string {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, prefix));
  for (const path of PROJECT_FILES) {
    cpSync(join(REPO, path), join(root, path), { recursive: true, filter: (source) => !NOT_COPIED.test(source) });
  }
  mkdirSync(join(root, 'content/sources'), { recursive: true });
  linkNodeModules(root);
  return root;
}
