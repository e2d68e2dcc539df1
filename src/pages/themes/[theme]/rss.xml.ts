import type { APIRoute, GetStaticPaths } from 'astro';
import { paperFeed } from '../../../lib/feed.ts';
import { getLibrary } from '../../../lib/papers.ts';
import { papersInTheme, themeStaticPaths } from '../../../lib/theme-pages.ts';
import type { ThemeInfo } from '../../../lib/themes.ts';
import { SITE_TITLE } from '../../../site.config.ts';

export const getStaticPaths = themeStaticPaths satisfies GetStaticPaths;

/** The papers of one theme, as a feed readers can follow. */
export const GET: APIRoute<{ theme: ThemeInfo }> = async ({ props: { theme } }) => {
  const { papers } = await getLibrary();
  return paperFeed(`${SITE_TITLE}: ${theme.name}`, theme.description, papersInTheme(papers, theme.id));
};
