import type { APIRoute, GetStaticPaths } from 'astro';
import { paperFeed } from '../../../lib/feed.ts';
import { getLibrary } from '../../../lib/papers.ts';
import { ALL_THEMES, type ThemeInfo } from '../../../lib/themes.ts';
import { SITE_TITLE } from '../../../site.config.ts';

export const getStaticPaths = (() =>
  ALL_THEMES.map((theme) => ({ params: { theme: theme.id }, props: { theme } }))) satisfies GetStaticPaths;

/** The papers of one theme, as a feed readers can follow. */
export const GET: APIRoute<{ theme: ThemeInfo }> = async ({ props: { theme } }) => {
  const { papers } = await getLibrary();
  return paperFeed(
    `${SITE_TITLE}: ${theme.name}`,
    theme.description,
    papers.filter((paper) => paper.data.themes.includes(theme.id)),
  );
};
