/**
 * A reader's reading list: which papers they saved and which they have read. It lives in the
 * browser only (localStorage) and travels as a JSON file the reader exports and imports; the same
 * format serves both. Pure functions, shared by the browser scripts and the tests.
 */

export const READING_LIST_FORMAT = 'papershelf-reading-list';
export const READING_LIST_VERSION = 1;

export interface ReadingEntry {
  /** The paper's slug: its page is `papers/<slug>/`. */
  slug: string;
  /** The title when the status was set, so the Saved page can list papers without the site's data. */
  title: string;
  saved: boolean;
  read: boolean;
  /** When the status last changed (ISO 8601); on import the newer change wins. */
  updated: string;
}

/** Entries by slug. */
export type ReadingList = ReadonlyMap<string, ReadingEntry>;

export type StatusChange = Partial<Pick<ReadingEntry, 'saved' | 'read'>>;

/** Slugs are what ingest makes (lower-case ASCII words and hyphens); anything else in a file is refused. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export function emptyReadingList(): ReadingList {
  return new Map();
}

/** Sets a paper's status; a paper neither saved nor read leaves the list. */
export function setStatus(
  list: ReadingList,
  paper: { slug: string; title: string },
  change: StatusChange,
  now: Date,
): ReadingList {
  const current = list.get(paper.slug);
  const next: ReadingEntry = {
    slug: paper.slug,
    title: paper.title || current?.title || paper.slug,
    saved: change.saved ?? current?.saved ?? false,
    read: change.read ?? current?.read ?? false,
    updated: now.toISOString(),
  };
  const result = new Map(list);
  if (next.saved || next.read) result.set(paper.slug, next);
  else result.delete(paper.slug);
  return result;
}

/** The file (and stored) form: entries sorted by slug, so the same list always gives the same text. */
export function serializeReadingList(list: ReadingList): string {
  const papers = [...list.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return `${JSON.stringify({ format: READING_LIST_FORMAT, version: READING_LIST_VERSION, papers }, null, 2)}\n`;
}

/** Reads the list this site stored itself, skipping anything malformed (the file import checks strictly). */
export function readStoredList(text: string): ReadingList {
  const list = new Map<string, ReadingEntry>();
  try {
    const { papers } = JSON.parse(text) as { papers?: unknown };
    for (const entry of Array.isArray(papers) ? (papers as ReadingEntry[]) : []) {
      if (typeof entry?.slug !== 'string' || !SLUG.test(entry.slug) || typeof entry.title !== 'string') continue;
      const { slug, title, saved, read, updated } = entry;
      list.set(slug, { slug, title, saved: saved === true, read: read === true, updated: String(updated) });
    }
  } catch {
    // A damaged entry in storage: start again from an empty list rather than break every page.
  }
  return list;
}

/** The paper a page address belongs to (`…/papers/<slug>/` or `…/papers/<slug>/index.html`), if any. */
export function slugFromPath(path: string): string | null {
  const match = /\/papers\/([^/]+)\/(?:index\.html)?$/u.exec(path);
  return match && SLUG.test(match[1]!) ? match[1]! : null;
}
