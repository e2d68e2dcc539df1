import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from '../../src/lib/process.ts';

/**
 * The folders a replacement works in, beside `directory`, named after the process that made them:
 * `.<name>-staging-<pid>` receives the new contents, `.<name>-retired-<pid>` holds the old ones for
 * the moment between the two renames that swap them.
 */
const workFolder = (directory: string, kind: 'staging' | 'retired', pid: number): string =>
  join(dirname(directory), `.${basename(directory)}-${kind}-${pid}`);

/**
 * Cleans up after replacements that were killed: removes the staging and retired folders of
 * processes that are no longer running, and first, if `directory` is missing because a run was
 * killed between its two renames, puts its old contents back (the most recent, if several runs
 * were killed there). Folders of a run still in progress are left alone.
 */
export function recoverInterruptedReplacements(directory: string): void {
  const parent = dirname(directory);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^\\.${basename(directory).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}-(staging|retired)-(\\d+)$`, 'u');
  const left = readdirSync(parent).flatMap((name) => {
    const match = pattern.exec(name);
    return match && !isRunning(Number(match[2])) ? [{ path: join(parent, name), retired: match[1] === 'retired' }] : [];
  });
  if (!existsSync(directory)) {
    const newest = left.filter((folder) => folder.retired).sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs)[0];
    if (newest) renameSync(newest.path, directory);
  }
  for (const folder of left) rmSync(folder.path, { recursive: true, force: true });
}

/**
 * Replaces the contents of `directory` as a whole: `fill` writes the new contents into a sibling
 * staging directory, which then takes the old directory's place. A failure while writing leaves the
 * old contents untouched; files that are not written again disappear. Resolves to what `fill` returns.
 *
 * The old directory is moved aside only once the new one is complete, and the new one is renamed
 * into its place at once after: `directory` is missing only between two renames. A run killed
 * there, or while writing, is cleaned up by the next (recoverInterruptedReplacements).
 */
export async function replaceDirectory<T>(directory: string, fill: (staging: string) => Promise<T>): Promise<T> {
  const staging = workFolder(directory, 'staging', process.pid);
  const retired = workFolder(directory, 'retired', process.pid);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let filled: T;
  try {
    filled = await fill(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(directory);
  if (hadOld) renameSync(directory, retired);
  renameSync(staging, directory);
  if (hadOld) rmSync(retired, { recursive: true, force: true });
  return filled;
}
