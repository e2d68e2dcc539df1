import { ALL_THEMES, type ThemeInfo } from './themes-lookup.ts';

/** Every theme with how many of the given papers carry it, in config order. */
export function countByTheme(papers: readonly { data: { themes: readonly string[] } }[]): (ThemeInfo & { count: number })[] {
  return ALL_THEMES.map((theme) => ({ ...theme, count: papers.filter((paper) => paper.data.themes.includes(theme.id)).length }));
}
