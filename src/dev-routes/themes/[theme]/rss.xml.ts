import type { APIRoute, GetStaticPaths } from 'astro';
import { themeFeed } from '../../../lib/data-files.ts';
import { getLibrary } from '../../../lib/papers.ts';
import { ALL_THEMES, type ThemeInfo } from '../../../lib/themes-lookup.ts';

export const getStaticPaths = (() =>
  ALL_THEMES.map((theme) => ({ params: { theme: theme.id }, props: { theme } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ theme: ThemeInfo }> = async ({ props: { theme } }) =>
  new Response(await themeFeed((await getLibrary()).papers, theme), { headers: { 'Content-Type': 'application/xml' } });
