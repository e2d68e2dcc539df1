import type { APIRoute } from 'astro';
import { paperRecord } from '../lib/papers-json.ts';
import { getLibrary } from '../lib/papers.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getLibrary();
  return new Response(`${JSON.stringify(papers.map(paperRecord), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
