/** What every per-theme route (its page, feed and BibTeX file) shares: one route per theme, and its papers. */
import { isFirstPage, listPages, type ListPage } from './list-pages.ts';
import { getLibrary, type Paper } from './papers.ts';
import { ALL_THEMES, type ThemeInfo } from './themes.ts';

/** One route per theme, the catch-all included, with the theme as its props. */
export const themeStaticPaths = (): { params: { theme: string }; props: { theme: ThemeInfo } }[] =>
  ALL_THEMES.map((theme) => ({ params: { theme: theme.id }, props: { theme } }));

/** The papers of one theme, in the order given. */
export const papersInTheme = (papers: readonly Paper[], themeId: string): Paper[] =>
  papers.filter((paper) => paper.data.themes.includes(themeId));

/** Every page of every theme's list but the list's own address: the routes `themes/<id>/<order>/<page>/`. */
export async function themeListStaticPaths(): Promise<
  { params: { theme: string; order: string; page: string }; props: { theme: ThemeInfo; page: ListPage<Paper> } }[]
> {
  const { papers } = await getLibrary();
  return ALL_THEMES.flatMap((theme) =>
    listPages(papersInTheme(papers, theme.id))
      .filter((page) => !isFirstPage(page))
      .map((page) => ({ params: { theme: theme.id, order: page.order, page: String(page.page) }, props: { theme, page } })),
  );
}
