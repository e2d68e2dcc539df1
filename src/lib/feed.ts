import rss from '@astrojs/rss';
import { escapeText } from 'entities';
import { FEED_LENGTH } from '../site.config.ts';
import { newestFirst } from './newest.ts';
import type { Paper } from './papers.ts';
import { hostedUrl } from './page-context.ts';
import { paperPath } from './paths.ts';
import { themeInfo } from './themes.ts';

/**
 * An RSS feed of the newest papers (newestFirst), at most FEED_LENGTH: papers.json and the BibTeX
 * files are the exports of every paper. Papers carry a pubDate only when their listing gives a full
 * date: undated papers get none rather than a made-up one. Feed readers render an item's title and
 * description as HTML, so both are HTML-escaped text (and escaped again for XML by @astrojs/rss):
 * a reader shows exactly the title and abstract the paper page shows, and markup from a dump
 * never becomes live.
 */
export function paperFeed(title: string, description: string, papers: readonly Paper[]): Promise<Response> {
  return rss({
    title,
    description,
    site: hostedUrl(''),
    items: newestFirst(papers)
      .slice(0, FEED_LENGTH)
      .map((paper) => ({
        title: escapeText(paper.data.title),
        link: hostedUrl(paperPath(paper.slug)),
        description: escapeText(paper.abstract),
        ...(paper.data.published ? { pubDate: new Date(`${paper.data.published}T00:00:00Z`) } : {}),
        categories: paper.data.themes.map((id) => themeInfo(id).name),
      })),
  });
}

export const themeFeedPath = (id: string): string => `themes/${id}/rss.xml`;
