import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces the contents of `directory` as a whole: `fill` writes the new contents into a sibling
 * staging directory, which then takes the old directory's place. A failure while writing leaves the
 * old contents untouched; files that are not written again disappear. Resolves to what `fill` returns.
 */
export async function replaceDirectory<T>(directory: string, fill: (staging: string) => Promise<T>): Promise<T> {
  const parent = dirname(directory);
  const staging = join(parent, `.${basename(directory)}-staging-${process.pid}`);
  const retired = join(parent, `.${basename(directory)}-retired-${process.pid}`);
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
