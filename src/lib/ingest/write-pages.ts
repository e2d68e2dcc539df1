import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces the contents of `directory` with `pages` as a whole: the pages are written to a
 * sibling staging directory first, which then takes the old directory's place. A failure while
 * writing leaves the old pages untouched; pages of papers that left the sources disappear.
 */
export async function replaceDirectory(directory: string, pages: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(directory);
  const staging = join(parent, `.${basename(directory)}-staging-${process.pid}`);
  const retired = join(parent, `.${basename(directory)}-retired-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    for (const [name, content] of pages) await writeFile(join(staging, name), content);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(directory);
  if (hadOld) await rename(directory, retired);
  await rename(staging, directory);
  if (hadOld) await rm(retired, { recursive: true, force: true });
}
