/**
 * The reading list as a file a reader imports: checked strictly, with a message saying what is
 * wrong, then merged into the list already in the browser.
 */
import { READING_LIST_FORMAT, READING_LIST_VERSION, SLUG, type ReadingEntry, type ReadingList } from './reading-list.ts';

const MAX_TITLE_LENGTH = 1000;

export class ReadingListError extends Error {}

function readEntry(value: unknown, index: number): ReadingEntry {
  const where = `paper ${index + 1}`;
  if (typeof value !== 'object' || value === null) throw new ReadingListError(`${where} is not an object`);
  const { slug, title, saved, read, updated } = value as Record<string, unknown>;
  if (typeof slug !== 'string' || !SLUG.test(slug)) throw new ReadingListError(`${where} has no valid slug`);
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH)
    throw new ReadingListError(`${where} (${slug}) has no valid title`);
  if (typeof saved !== 'boolean' || typeof read !== 'boolean')
    throw new ReadingListError(`${where} (${slug}) needs saved and read as true or false`);
  if (typeof updated !== 'string' || Number.isNaN(Date.parse(updated)))
    throw new ReadingListError(`${where} (${slug}) has no valid date in "updated"`);
  return { slug, title, saved, read, updated: new Date(updated).toISOString() };
}

/** Reads a list from its file form, or throws a ReadingListError saying what is wrong. */
export function parseReadingList(text: string): ReadingList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ReadingListError('it is not JSON');
  }
  const { format, version, papers } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (format !== READING_LIST_FORMAT) throw new ReadingListError(`it is not a ${READING_LIST_FORMAT} file`);
  if (version !== READING_LIST_VERSION) throw new ReadingListError(`version ${String(version)} is not supported`);
  if (!Array.isArray(papers)) throw new ReadingListError('it has no list of papers');
  const list = new Map<string, ReadingEntry>();
  papers.forEach((value, index) => {
    const entry = readEntry(value, index);
    if (entry.saved || entry.read) list.set(entry.slug, entry);
  });
  return list;
}

export interface MergeResult {
  list: ReadingList;
  /** Papers the import added or changed. */
  changed: number;
}

/** Adds an imported list to the current one: for a paper in both, the more recent change wins. */
export function mergeReadingLists(current: ReadingList, incoming: ReadingList): MergeResult {
  const list = new Map(current);
  let changed = 0;
  for (const entry of incoming.values()) {
    const existing = list.get(entry.slug);
    if (existing && Date.parse(existing.updated) >= Date.parse(entry.updated)) continue;
    if (existing && existing.saved === entry.saved && existing.read === entry.read && existing.title === entry.title) continue;
    list.set(entry.slug, entry);
    changed++;
  }
  return { list, changed };
}
