import rss from '@astrojs/rss';
import type { Paper } from './papers.ts';
import { hostedUrl } from './page-context.ts';
import { paperPath } from './paths.ts';
import { themeInfo } from './themes.ts';

/**
 * An RSS feed of papers. Papers carry a pubDate only when their listing gives a full date:
 * undated papers get none rather than a made-up one.
 */
export function paperFeed(title: string, description: string, papers: readonly Paper[]): Promise<Response> {
  return rss({
    title,
    description,
    site: hostedUrl(''),
    items: papers.map((paper) => ({
      title: paper.data.title,
      link: hostedUrl(paperPath(paper.slug)),
      description: paper.abstract,
      ...(paper.data.published ? { pubDate: new Date(`${paper.data.published}T00:00:00Z`) } : {}),
      categories: paper.data.themes.map((id) => themeInfo(id).name),
    })),
  });
}

export const themeFeedPath = (id: string): string => `themes/${id}/rss.xml`;
