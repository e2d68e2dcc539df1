import { z } from 'astro/zod';
import type { Classification } from './classify.ts';
import { OTHER_THEME } from '../themes.ts';
import { InputError } from './source-error.ts';

export const OVERRIDES_FILE = 'content/overrides.json';

/** One curator correction, with `themeIds` the ids a paper can carry. */
function overrideSchema(themeIds: readonly [string, ...string[]]) {
  return z
    .object({
      /** Themes the paper joins whatever its score. */
      add: z.array(z.enum(themeIds)).default([]),
      /** Themes the paper leaves whatever its score. */
      remove: z.array(z.enum(themeIds)).default([]),
      /** Why: shown as the evidence for an added theme. */
      note: z.string().min(1),
    })
    .strict();
}
export type Override = z.infer<ReturnType<typeof overrideSchema>>;
/**
 * Curator corrections by paper slug. A Map, not an object: a slug such as `constructor` (the paper
 * "Constructor") must not find a property every object has, and `__proto__` is a key like any other.
 */
export type Overrides = ReadonlyMap<string, Override>;

/** A problem in content/overrides.json, reported as `content/overrides.json:<line>: <what is wrong>`. */
export class OverridesError extends InputError {
  constructor(line: number, problem: string) {
    super(`${OVERRIDES_FILE}:${line}: ${problem}`);
    this.name = 'OverridesError';
  }
}

/** The 1-based line of the first occurrence of `needle` in `text`, or 1. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

/** Reads content/overrides.json's text; `themeIds` are the ids a paper can carry (themeIdsOf). */
export function parseOverrides(text: string, themeIds: readonly [string, ...string[]]): Overrides {
  let json: unknown;
  try {
    // A leading BOM is how some editors save UTF-8; the dumps may have one too.
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new OverridesError(1, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new OverridesError(1, 'file: expected an object of corrections by paper slug');
  }
  const schema = overrideSchema(themeIds);
  const overrides = new Map<string, Override>();
  // Object.entries sees every key JSON.parse made, `__proto__` included; a schema for the whole
  // record would copy them into a plain object, where `__proto__` sets the prototype instead.
  for (const [slug, value] of Object.entries(json)) {
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new OverridesError(lineOf(text, `"${slug}"`), `${[slug, ...issue.path].join('.')}: ${issue.message}`);
    }
    overrides.set(slug, result.data);
  }
  return overrides;
}

/**
 * Applies a curator's correction to a paper's classification; an added theme's evidence is the
 * curator's note. The themes stay in the order of `themeIds`.
 */
export function applyOverride(
  classification: Classification,
  override: Override | undefined,
  themeIds: readonly string[],
): Classification {
  if (!override) return classification;
  const themes = new Set(classification.themes);
  for (const id of override.remove) themes.delete(id);
  for (const id of override.add) themes.add(id);
  if (themes.size > 1) themes.delete(OTHER_THEME.id);
  if (themes.size === 0) themes.add(OTHER_THEME.id);
  const kept = themeIds.filter((id) => themes.has(id));
  const evidence = Object.fromEntries(
    kept.flatMap((id) => {
      if (override.add.includes(id)) return [[id, [`curator: ${override.note}`]]];
      const terms = classification.evidence[id];
      return terms ? [[id, terms]] : [];
    }),
  );
  return { themes: kept, evidence };
}

/** Slugs named in the overrides that match no paper: a typo would otherwise be ignored silently. */
export function unknownOverrideSlugs(overrides: Overrides, slugs: ReadonlySet<string>): string[] {
  return [...overrides.keys()].filter((slug) => !slugs.has(slug));
}
