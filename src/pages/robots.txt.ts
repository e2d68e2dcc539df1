import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/paths.ts';
import { BASE_PATH, SITE_URL } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITE_URL, BASE_PATH, 'sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
