import type { APIRoute, GetStaticPaths } from 'astro';
import { paperBibtex } from '../../../lib/paper-bibtex.ts';
import { getLibrary } from '../../../lib/papers.ts';
import { papersInTheme, themeStaticPaths } from '../../../lib/theme-pages.ts';
import type { ThemeInfo } from '../../../lib/themes.ts';

export const getStaticPaths = themeStaticPaths satisfies GetStaticPaths;

/** BibTeX for every paper of one theme, to import into a reference manager. */
export const GET: APIRoute<{ theme: ThemeInfo }> = async ({ props: { theme } }) => {
  const { papers } = await getLibrary();
  const entries = papersInTheme(papers, theme.id).map(paperBibtex);
  return new Response(entries.join('\n'), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
