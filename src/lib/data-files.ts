/**
 * The site's data files: the site's feed, each theme's feed and BibTeX, and papers.json. They say
 * what the pages say, from the same papers in the same (title) order, and need no page around them:
 * `npm run build` writes them from its own process while Astro renders the pages (at 10,000 papers
 * they were 3 s of Astro's time, all of it on the core Astro leaves idle), and `astro dev` serves
 * them from routes (src/dev-routes/) that call the same functions.
 */
import { paperFeed, themeFeedPath } from './feed.ts';
import { paperBibtex, themeBibPath } from './paper-bibtex.ts';
import type { PaperFacts } from './papers.ts';
import { paperRecord } from './papers-json.ts';
import { ALL_THEMES, type ThemeInfo } from './themes-lookup.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../site.config.ts';

export const SITE_FEED_PATH = 'rss.xml';
export const PAPERS_JSON_PATH = 'papers.json';

const inTheme = (papers: readonly PaperFacts[], theme: ThemeInfo): PaperFacts[] =>
  papers.filter((paper) => paper.data.themes.includes(theme.id));

export const siteFeed = (papers: readonly PaperFacts[]): Promise<string> => paperFeed(SITE_TITLE, SITE_DESCRIPTION, papers);

/** The papers of one theme, as a feed readers can follow. */
export const themeFeed = (papers: readonly PaperFacts[], theme: ThemeInfo): Promise<string> =>
  paperFeed(`${SITE_TITLE}: ${theme.name}`, theme.description, inTheme(papers, theme));

/** BibTeX for every paper of one theme, to import into a reference manager. */
export const themeBibtex = (papers: readonly PaperFacts[], theme: ThemeInfo): string =>
  inTheme(papers, theme).map(paperBibtex).join('\n');

export const papersJson = (papers: readonly PaperFacts[]): string => `${JSON.stringify(papers.map(paperRecord), null, 2)}\n`;

/** Every data file of the site, with its path from the site's root; `papers` in the site's title order. */
export async function dataFiles(papers: readonly PaperFacts[]): Promise<{ path: string; content: string }[]> {
  const files = [
    { path: SITE_FEED_PATH, content: await siteFeed(papers) },
    { path: PAPERS_JSON_PATH, content: papersJson(papers) },
  ];
  for (const theme of ALL_THEMES) {
    files.push({ path: themeFeedPath(theme.id), content: await themeFeed(papers, theme) });
    files.push({ path: themeBibPath(theme.id), content: themeBibtex(papers, theme) });
  }
  return files;
}
