import type { APIRoute, GetStaticPaths } from 'astro';
import { paperBibtex } from '../../../lib/paper-bibtex.ts';
import { getLibrary } from '../../../lib/papers.ts';
import { ALL_THEMES, type ThemeInfo } from '../../../lib/themes.ts';

export const getStaticPaths = (() =>
  ALL_THEMES.map((theme) => ({ params: { theme: theme.id }, props: { theme } }))) satisfies GetStaticPaths;

/** BibTeX for every paper of one theme, to import into a reference manager. */
export const GET: APIRoute<{ theme: ThemeInfo }> = async ({ props: { theme } }) => {
  const { papers } = await getLibrary();
  const entries = papers.filter((paper) => paper.data.themes.includes(theme.id)).map(paperBibtex);
  return new Response(entries.join('\n'), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
