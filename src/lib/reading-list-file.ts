/**
 * The reading list as a file a reader imports: checked strictly, with a message saying what is
 * wrong, then merged into the list already in the browser.
 */
import { READING_LIST_FORMAT, READING_LIST_VERSION, SLUG, type ReadingEntry, type ReadingList } from './reading-list.ts';

const MAX_TITLE_LENGTH = 1000;
/** A date and time as this site writes them (toISOString), or with an offset: `2026-12-03T18:51:13.000Z`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

export class ReadingListError extends Error {}

/** A real date and time in ISO 8601 (`2026-02-30T…` is refused, not rolled over), no later than `now`. */
function checkedDate(value: unknown, where: string, now: Date): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
    throw new ReadingListError(`${where} has no valid date in "updated" (an ISO 8601 date and time is needed)`);
  const date = new Date(value);
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const sameDay = new Date(Date.UTC(year, month - 1, day));
  if (sameDay.getUTCMonth() !== month - 1 || sameDay.getUTCDate() !== day)
    throw new ReadingListError(`${where} has a date that does not exist in "updated" (${value})`);
  if (date.getTime() > now.getTime()) throw new ReadingListError(`${where} has a date in the future in "updated" (${value})`);
  return date.toISOString();
}

function readEntry(value: unknown, index: number, now: Date): ReadingEntry {
  const where = `paper ${index + 1}`;
  if (typeof value !== 'object' || value === null) throw new ReadingListError(`${where} is not an object`);
  const { slug, title, saved, read, updated } = value as Record<string, unknown>;
  if (typeof slug !== 'string' || !SLUG.test(slug)) throw new ReadingListError(`${where} has no valid slug`);
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH)
    throw new ReadingListError(`${where} (${slug}) has no valid title`);
  if (typeof saved !== 'boolean' || typeof read !== 'boolean')
    throw new ReadingListError(`${where} (${slug}) needs saved and read as true or false`);
  return { slug, title, saved, read, updated: checkedDate(updated, `${where} (${slug})`, now) };
}

/** The format's version as a file gives it: the number, or the same number written as text (`"1"`). */
const versionOf = (version: unknown): number | null =>
  typeof version === 'number' ? version : typeof version === 'string' && /^\d+$/u.test(version) ? Number(version) : null;

/**
 * Reads a list from its file form, or throws a ReadingListError saying what is wrong. A paper listed
 * more than once keeps its most recent change, as on import (mergeReadingLists); a change to neither
 * saved nor read is kept too, so that it can take a paper off the list.
 */
export function parseReadingList(text: string, now = new Date()): ReadingList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ReadingListError('it is not JSON');
  }
  const { format, version, papers } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (format !== READING_LIST_FORMAT) throw new ReadingListError(`it is not a ${READING_LIST_FORMAT} file`);
  const fileVersion = versionOf(version);
  if (fileVersion === null)
    throw new ReadingListError(`it gives no version of the format (this site reads version ${READING_LIST_VERSION})`);
  if (fileVersion !== READING_LIST_VERSION)
    throw new ReadingListError(`it is version ${fileVersion} of the format, and this site reads version ${READING_LIST_VERSION}`);
  if (!Array.isArray(papers)) throw new ReadingListError('it has no list of papers');
  const list = new Map<string, ReadingEntry>();
  papers.forEach((value, index) => {
    const entry = readEntry(value, index, now);
    const earlier = list.get(entry.slug);
    if (!earlier || Date.parse(earlier.updated) <= Date.parse(entry.updated)) list.set(entry.slug, entry);
  });
  return list;
}

export interface MergeResult {
  list: ReadingList;
  /** Papers the import added or changed. */
  changed: number;
}

/**
 * Adds an imported list to the current one: for a paper in both, the more recent change wins; a
 * more recent change to neither saved nor read takes the paper off the list.
 */
export function mergeReadingLists(current: ReadingList, incoming: ReadingList): MergeResult {
  const list = new Map(current);
  let changed = 0;
  for (const entry of incoming.values()) {
    const existing = list.get(entry.slug);
    const listed = entry.saved || entry.read;
    if (!existing) {
      if (!listed) continue;
    } else {
      if (Date.parse(existing.updated) >= Date.parse(entry.updated)) continue;
      if (existing.saved === entry.saved && existing.read === entry.read && existing.title === entry.title) continue;
    }
    if (listed) list.set(entry.slug, entry);
    else list.delete(entry.slug);
    changed++;
  }
  return { list, changed };
}
