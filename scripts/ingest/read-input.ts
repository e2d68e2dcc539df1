/**
 * How ingest reads its input files: regular files only, checked before they are opened. A FIFO
 * would block ingest forever, a symbolic link could show the text of a file outside the project in
 * an error message, and a name with ':' or a line break would make `file:line` ambiguous: each is
 * refused by name, and never opened.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodeUnits } from '../../src/lib/ingest/compare.ts';
import type { SourceFile } from '../../src/lib/ingest/pipeline.ts';
import { InputError, SOURCES_DIR } from '../../src/lib/ingest/source-error.ts';

/** What a file that is not a regular file is, in a message. */
function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a file';
}

const notRegular = (shownAs: string, stats: Stats): InputError =>
  new InputError(`${shownAs}: not a regular file (${kindOf(stats)})`);

/**
 * The bytes of the regular file at `path`, or undefined when there is none; `shownAs` names it in
 * messages (`content/overrides.json`). Anything else at that path is refused without being opened;
 * the file is opened without following links and without waiting, and checked again once open, in
 * case it was replaced in between.
 */
export async function readRegularFile(path: string, shownAs: string): Promise<Uint8Array | undefined> {
  let stats: Stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!stats.isFile()) throw notRegular(shownAs, stats);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new InputError(`${shownAs}: not a regular file (a symbolic link)`);
    if (code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(shownAs, opened);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Characters a file name must not have: they would make `content/sources/<file>:<line>` ambiguous. */
const AMBIGUOUS_IN_NAME = /[:\p{Cc}\u2028\u2029]/u;
const escapeName = (name: string): string =>
  name.replace(/[\p{Cc}\u2028\u2029"\\]/gu, (character) =>
    character === '"' || character === '\\' ? `\\${character}` : `\\u${hex(character)}`,
  );
const hex = (character: string): string => character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

function checkName(name: string): void {
  const found = AMBIGUOUS_IN_NAME.exec(name)?.[0];
  if (found === undefined) return;
  const what = found === ':' ? '":"' : `a control character (U+${hex(found)})`;
  throw new InputError(
    `${SOURCES_DIR}: the file name "${escapeName(name)}" has ${what}, which makes "file:line" in messages ambiguous; rename the file`,
  );
}

/**
 * Every `.txt` dump in `folder` (the project's content/sources), in file-name order. No folder, no
 * dumps, a name that would make messages ambiguous, or a dump that is not a regular file is an
 * InputError naming it.
 */
export async function readSources(folder: string): Promise<SourceFile[]> {
  let entries: Buffer[];
  try {
    entries = await readdir(folder, { encoding: 'buffer' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${SOURCES_DIR}: no such folder; save the dumps there as .txt files`);
    if (code === 'ENOTDIR') throw new InputError(`${SOURCES_DIR}: not a folder; save the dumps in a folder of that name`);
    throw error;
  }
  const names = entries
    .filter((bytes) => bytes.subarray(-4).toString('latin1') === '.txt')
    .map(decodeName)
    .sort(compareCodeUnits);
  if (names.length === 0) throw new InputError(`${SOURCES_DIR}: no dumps to ingest (no file ending in .txt)`);
  names.forEach(checkName);
  // One at a time, in name order: the first file refused is the same on every run.
  const sources: SourceFile[] = [];
  for (const name of names) {
    const bytes = await readRegularFile(join(folder, name), `${SOURCES_DIR}/${name}`);
    // Listed a moment ago: it was removed while ingest ran.
    if (bytes === undefined) throw new InputError(`${SOURCES_DIR}/${name}: the file disappeared while ingest read it`);
    sources.push({ name, bytes });
  }
  return sources;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** A file name as text; one that is not UTF-8 could not be named in a message, nor opened by its decoded name. */
function decodeName(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const shown = escapeName(new TextDecoder().decode(bytes));
    throw new InputError(`${SOURCES_DIR}: the file name "${shown}" is not UTF-8 text; rename the file`);
  }
}
