import type { APIRoute } from 'astro';
import { paperFeed } from '../lib/feed.ts';
import { getLibrary } from '../lib/papers.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../site.config.ts';

export const GET: APIRoute = async () => paperFeed(SITE_TITLE, SITE_DESCRIPTION, (await getLibrary()).papers);
