import { ALL_THEMES, type ThemeInfo } from './themes.ts';

export type ThemeCount = ThemeInfo & { count: number };

/** Every theme with how many of the given papers carry it, in config order: one pass over the papers. */
export function countByTheme(papers: readonly { data: { themes: readonly string[] } }[]): ThemeCount[] {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const id of new Set(paper.data.themes)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return ALL_THEMES.map((theme) => ({ ...theme, count: counts.get(theme.id) ?? 0 }));
}
