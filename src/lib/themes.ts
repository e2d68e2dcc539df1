/**
 * The themes of the reading list: the schema of `content/themes.json`, the file itself, loaded and
 * checked when this module loads, the classifier's constants, and what the site shows of a theme.
 * The one module that knows what a theme is; ingest's classifier takes the themes as an argument.
 */
import { z } from 'astro/zod';
import themeFile from '../../content/themes.json' with { type: 'json' };
import { InputError } from './ingest/source-error.ts';

/** Where the themes live, as error messages name it. */
export const THEMES_FILE = 'content/themes.json';

/** A score a paper needs to join a theme: a subject phrase (weight 3) in the title, or a supporting word in the title and once more in the abstract. */
export const DEFAULT_THRESHOLD = 7;
/** A signal in the title counts this many times as much as one in the abstract. */
export const TITLE_WEIGHT = 3;
/** A signal in a sentence stating the paper's contribution ("we propose …") counts this many times. */
export const CONTRIBUTION_WEIGHT = 2;
/** Repetitions of one signal in an abstract stop counting after this many. */
export const MAX_ABSTRACT_REPEATS = 3;

const themeSignalSchema = z
  .object({
    /** Regular expression source, matched case-insensitively on whole words (see signalRegex). */
    pattern: z.string().min(1),
    /**
     * How much one occurrence counts: 3 for a phrase that names the theme's subject, 1 or 2 for
     * supporting vocabulary, negative for phrases that look alike but mean something else.
     */
    weight: z.number(),
    /** Match case exactly, for acronyms that are also parts of words (`LoRA` in "exploration"). */
    caseSensitive: z.boolean().optional(),
  })
  .strict();

const themeDefinitionSchema = z
  .object({
    /** Permanent id: the theme's address (`/themes/<id>/`) and its name in pages' front matter. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'expected lowercase letters, digits and single hyphens'),
    /** Display name. */
    name: z.string().min(1),
    /** One sentence for readers: what papers in this theme are about. */
    description: z.string().min(1),
    /** How the classifier decides, in words; shown on the theme and about pages. */
    rule: z.string().min(1),
    /** The phrases the classifier looks for. */
    signals: z.array(themeSignalSchema).min(1),
    /** Score a paper needs to join the theme; DEFAULT_THRESHOLD when left out. */
    threshold: z.number().positive().optional(),
  })
  .strict();

/**
 * `content/themes.json`: the themes in display order. Each paper is scored per theme: every signal
 * found in the title counts TITLE_WEIGHT times its weight, every occurrence in the abstract (up to
 * MAX_ABSTRACT_REPEATS) counts its weight once, or CONTRIBUTION_WEIGHT times in a sentence stating
 * the paper's contribution. A paper joins every theme whose score reaches the threshold; papers that
 * join none are listed under OTHER_THEME. Single papers are corrected in content/overrides.json.
 */
export const themeFileSchema = z
  .object({
    /** The themes, in the order the site lists them. */
    themes: z.array(themeDefinitionSchema).min(1),
  })
  .strict();

export type ThemeSignal = z.infer<typeof themeSignalSchema>;
export type ThemeDefinition = z.infer<typeof themeDefinitionSchema>;
/** What a page shows of a theme. */
export type ThemeInfo = Pick<ThemeDefinition, 'id' | 'name' | 'description' | 'rule'>;

/** The theme of papers that reach no other; never configured in the file. */
export const OTHER_THEME = {
  id: 'other',
  name: 'Other',
  description: 'Papers that fit none of the themes above.',
  rule: 'Papers that reach no theme’s threshold.',
} as const satisfies ThemeInfo;

/**
 * A signal as the classifier matches it: its pattern followed by the end of a word, every match
 * (`g`), case-insensitive unless the signal says otherwise. The start of a word is checked by the
 * classifier: a leading lookbehind makes V8 try every position.
 */
export function signalRegex({ pattern, caseSensitive = false }: ThemeSignal): RegExp {
  return new RegExp(`(?:${pattern})(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

/**
 * A theme file that does not hold valid themes: the message names the file, the place and the
 * problem. Bad input, like a bad dump: ingest prints the message alone.
 */
export class ThemeFileError extends InputError {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ThemeFileError';
  }
}

/** A place in the file as a reader finds it: `themes[3].signals[0].weight`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Problems the schema cannot see: ids used twice or reserved, patterns that do not compile. */
function consistencyProblems(themes: readonly ThemeDefinition[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  themes.forEach((theme, index) => {
    const first = seen.get(theme.id);
    if (theme.id === OTHER_THEME.id) {
      problems.push(`themes[${index}].id: "${OTHER_THEME.id}" is reserved for papers that reach no theme`);
    } else if (first !== undefined) {
      problems.push(`themes[${index}].id: the id "${theme.id}" is already used by themes[${first}]`);
    } else seen.set(theme.id, index);
    theme.signals.forEach((signal, signalIndex) => {
      try {
        signalRegex(signal);
      } catch (error) {
        problems.push(
          `themes[${index}].signals[${signalIndex}].pattern: theme "${theme.id}": the pattern ${JSON.stringify(signal.pattern)} is not a valid regular expression (${(error as Error).message})`,
        );
      }
    });
  });
  return problems;
}

/**
 * Checks the contents of a theme file (parsed JSON) and returns its themes. Throws a
 * ThemeFileError naming `file`, where and what is wrong, such as
 * `content/themes.json: themes[3].signals[0].weight: Invalid input: expected number, received string`.
 */
export function parseThemeFile(json: unknown, file: string = THEMES_FILE): ThemeDefinition[] {
  const result = themeFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ThemeFileError(file, `${formatPath(issue.path) || 'the file'}: ${issue.message}`);
  }
  const problem = consistencyProblems(result.data.themes)[0];
  if (problem !== undefined) throw new ThemeFileError(file, problem);
  return result.data.themes;
}

/** The configured themes, in display order: content/themes.json, checked as this module loads. */
export const THEMES: readonly ThemeDefinition[] = parseThemeFile(themeFile);

/** Every theme a page can show, the catch-all last, in the file's order. */
export const ALL_THEMES: readonly ThemeInfo[] = [
  ...THEMES.map(({ id, name, description, rule }) => ({ id, name, description, rule })),
  OTHER_THEME,
];

/** The ids a paper can carry with these themes configured: theirs in order, then the catch-all's. */
export function themeIdsOf(themes: readonly Pick<ThemeDefinition, 'id'>[]): [string, ...string[]] {
  const [first, ...rest]: string[] = [...themes.map((theme) => theme.id), OTHER_THEME.id];
  return [first!, ...rest];
}

/** Every theme id a paper can carry. */
export const THEME_IDS = themeIdsOf(THEMES);

const byId = new Map(ALL_THEMES.map((theme) => [theme.id, theme]));

/** The theme with this id; an unknown id is an error. */
export function themeInfo(id: string): ThemeInfo {
  const theme = byId.get(id);
  if (!theme) throw new Error(`unknown theme id "${id}"`);
  return theme;
}
