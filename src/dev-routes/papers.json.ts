import type { APIRoute } from 'astro';
import { papersJson } from '../lib/data-files.ts';
import { getLibrary } from '../lib/papers.ts';

export const GET: APIRoute = async () =>
  new Response(papersJson((await getLibrary()).papers), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
