/**
 * Types for the theme configuration in `content/themes.ts`: what a theme is, and the signals
 * the classifier looks for. The site reads the same config for names, descriptions and rules.
 */

/** A phrase that shows a paper is about a theme. */
export interface ThemeSignal {
  /** Regular expression source, matched case-insensitively on whole words. */
  pattern: string;
  /**
   * How much one occurrence counts: 3 for a phrase that names the theme's subject, 1 or 2 for
   * supporting vocabulary, negative for phrases that look alike but mean something else.
   */
  weight: number;
  /** Match case exactly, for acronyms that are also parts of words (`LoRA` in "exploration"). */
  caseSensitive?: boolean;
}

export interface ThemeDefinition {
  id: string;
  name: string;
  /** One sentence for readers: what papers in this theme are about. */
  description: string;
  /** How the classifier decides, in words; shown on the theme and about pages. */
  rule: string;
  signals: readonly ThemeSignal[];
  /** Score a paper needs to join the theme; defaults to DEFAULT_THRESHOLD. */
  threshold?: number;
}

/** A subject phrase (weight 3) in the title, or a supporting word in the title and once more in the abstract. */
export const DEFAULT_THRESHOLD = 7;
/** A signal in the title counts this many times as much as one in the abstract. */
export const TITLE_WEIGHT = 3;
/** A signal in a sentence stating the paper's contribution ("we propose …") counts this many times. */
export const CONTRIBUTION_WEIGHT = 2;
/** Repetitions of one signal in an abstract stop counting after this many. */
export const MAX_ABSTRACT_REPEATS = 3;

/** The theme for papers that match no other; never a configured theme. */
export const OTHER_THEME = { id: 'other', name: 'Other', description: 'Papers that fit none of the themes above.' } as const;
