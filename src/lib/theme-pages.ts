/** What every per-theme route (its page, feed and BibTeX file) shares: one route per theme, and its papers. */
import type { Paper } from './papers.ts';
import { ALL_THEMES, type ThemeInfo } from './themes.ts';

/** One route per theme, the catch-all included, with the theme as its props. */
export const themeStaticPaths = (): { params: { theme: string }; props: { theme: ThemeInfo } }[] =>
  ALL_THEMES.map((theme) => ({ params: { theme: theme.id }, props: { theme } }));

/** The papers of one theme, in the order given. */
export const papersInTheme = (papers: readonly Paper[], themeId: string): Paper[] =>
  papers.filter((paper) => paper.data.themes.includes(themeId));
