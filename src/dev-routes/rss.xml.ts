import type { APIRoute } from 'astro';
import { siteFeed } from '../lib/data-files.ts';
import { getLibrary } from '../lib/papers.ts';

export const GET: APIRoute = async () =>
  new Response(await siteFeed((await getLibrary()).papers), { headers: { 'Content-Type': 'application/xml' } });
