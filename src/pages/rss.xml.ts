import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getLibrary } from '../lib/papers.ts';
import { absoluteUrl, paperPath } from '../lib/paths.ts';
import { themeInfo } from '../lib/themes-lookup.ts';
import { BASE_PATH, SITE_DESCRIPTION, SITE_TITLE, SITE_URL } from '../site.config.ts';

/** Every paper, newest first where the date is known; undated papers carry no pubDate rather than a made-up one. */
export const GET: APIRoute = async () => {
  const { papers } = await getLibrary();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: absoluteUrl(SITE_URL, BASE_PATH, ''),
    items: papers.map((paper) => ({
      title: paper.data.title,
      link: absoluteUrl(SITE_URL, BASE_PATH, paperPath(paper.slug)),
      description: paper.abstract,
      ...(paper.data.published ? { pubDate: new Date(`${paper.data.published}T00:00:00Z`) } : {}),
      categories: paper.data.themes.map((id) => themeInfo(id).name),
    })),
  });
};
