import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_LENGTH } from '../../src/site.config.ts';
import { ALL_THEMES } from '../../src/lib/themes.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';
import { elements, parseHtml, readPapersJson, type PaperRecord } from '../helpers/site-files.ts';

interface Item {
  title: string;
  link: string;
  description: string;
  pubDate?: string;
  category: string | string[];
}

const records = readPapersJson();
const byUrl = new Map(records.map((record) => [record.url, record]));

function readFeed(file: string): { title: string; items: Item[] } {
  const xml = readFileSync(join(SITE_BUILD, file), 'utf8');
  expect(XMLValidator.validate(xml), file).toBe(true);
  const channel = new XMLParser({ isArray: (name) => name === 'item', parseTagValue: false }).parse(xml).rss.channel as {
    title: string;
    item?: Item[];
  };
  return { title: channel.title, items: channel.item ?? [] };
}

/**
 * Newest first, as a reader expects a feed: the dumps' names sort in the order they were saved, so a
 * paper's last listing is in the dump whose name sorts last; within a dump, the listing's order.
 */
function newestFirst(papers: readonly PaperRecord[]): string[] {
  const last = (paper: PaperRecord) => paper.sources.reduce((latest, source) => (source.file > latest.file ? source : latest));
  return [...papers]
    .sort((a, b) => {
      const [x, y] = [last(a), last(b)];
      return x.file === y.file ? x.line - y.line : x.file < y.file ? 1 : -1;
    })
    .map((paper) => paper.url);
}

describe('RSS feeds', () => {
  it('list the newest papers first in the site feed, with a date only where the listing gives one', () => {
    const feed = readFeed('rss.xml');
    // The fixture has fewer papers than a feed carries: every one is in it.
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThanOrEqual(FEED_LENGTH);
    expect(feed.items.map((item) => item.link)).toEqual(newestFirst(records));
    const datesWrong = feed.items.filter((item) => (item.pubDate === undefined) !== (byUrl.get(item.link)!.published === null));
    expect(datesWrong).toEqual([]);
    expect(feed.items.filter((item) => item.pubDate !== undefined).length).toBeGreaterThan(0);
  });

  it('give titles and abstracts as HTML-escaped text: a reader shows them as written, and no markup from a dump is live', () => {
    const { items } = readFeed('rss.xml');
    const shown = items.map((item) => {
      const record = byUrl.get(item.link)!;
      return { title: decodeHTML(item.title), description: decodeHTML(item.description), record };
    });
    expect(shown.filter(({ title, record }) => title !== record.title).map(({ title }) => title)).toEqual([]);
    expect(shown.filter(({ description, record }) => description !== record.abstract).map(({ record }) => record.slug)).toEqual(
      [],
    );
    // The hostile dump's titles and abstracts carry markup: it reaches the reader as text.
    const withMarkup = items.filter((item) => byUrl.get(item.link)!.title.includes('<'));
    expect(withMarkup.length).toBeGreaterThan(0);
    expect(
      items.filter((item) => /<[a-z]/iu.test(item.title) || /<[a-z]/iu.test(item.description)).map((item) => item.link),
    ).toEqual([]);
  });

  it.each(ALL_THEMES.map((theme) => [theme.id, theme.name]))('list exactly the papers of the %s theme', (id, name) => {
    const feed = readFeed(`themes/${id}/rss.xml`);
    expect(feed.title).toBe(`Papershelf: ${name}`);
    const members = records.filter((record) => record.themes.includes(id));
    expect(members.length).toBeGreaterThan(0);
    expect(feed.items.map((item) => item.link)).toEqual(newestFirst(members));
    const advertised = elements(parseHtml(SITE_BUILD, `themes/${id}/index.html`))
      .filter((element) => element.tagName === 'link' && String(element.properties['rel']) === 'alternate')
      .map((element) => [element.properties['title'], element.properties['href']]);
    expect(advertised).toContainEqual([`Papershelf: ${name}`, `../../themes/${id}/rss.xml`]);
  });
});
