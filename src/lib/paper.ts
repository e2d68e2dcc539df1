import { z } from 'astro/zod';
import { THEME_IDS } from './themes.ts';

const themeId = z.enum(THEME_IDS);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** Where a paper was listed: dump file, line of its title, and the dump's listing date. */
export const paperSourceSchema = z
  .object({
    file: z.string().min(1),
    line: z.number().int().positive(),
    listed: z.string().nullable().default(null),
  })
  .strict();

/**
 * The front matter of a paper page. Ingest validates every page it writes with this schema and
 * the site's content collection loads the pages with it, so the two can never disagree.
 */
export const paperSchema = z
  .object({
    title: z.string().min(1),
    slug: z.string().max(80).regex(SLUG_PATTERN),
    themes: z.array(themeId).min(1),
    /** Per theme, the words and phrases that put the paper there. */
    evidence: z.partialRecord(themeId, z.array(z.string().min(1))),
    // Unknown values are null; a page leaves them out (TOML has no null: src/lib/ingest/markdown.ts).
    /** Number of authors, when a dump shows it. */
    authors: z.number().int().positive().nullable().default(null),
    /** ISO date, only when a dump gives the year. */
    published: z.iso.date().nullable().default(null),
    /** The date as a dump shows it (`Apr 25` or `Jan 23, 2024`). */
    publishedText: z.string().nullable().default(null),
    upvotes: z.number().int().nonnegative().nullable().default(null),
    sources: z.array(paperSourceSchema).min(1),
  })
  .strict();

export type PaperData = z.infer<typeof paperSchema>;
export type PaperSource = z.infer<typeof paperSourceSchema>;
