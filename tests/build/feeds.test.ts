import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ALL_THEMES } from '../../src/lib/themes.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';
import { elements, parseHtml } from '../helpers/site-files.ts';

interface Record {
  url: string;
  title: string;
  themes: string[];
  published: string | null;
}
interface Item {
  title: string;
  link: string;
  pubDate?: string;
  category: string | string[];
}

const records = JSON.parse(readFileSync(join(SITE_BUILD, 'papers.json'), 'utf8')) as Record[];
const byUrl = new Map(records.map((record) => [record.url, record]));

function readFeed(file: string): { title: string; items: Item[] } {
  const xml = readFileSync(join(SITE_BUILD, file), 'utf8');
  expect(XMLValidator.validate(xml), file).toBe(true);
  const channel = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel as {
    title: string;
    item?: Item[];
  };
  return { title: channel.title, items: channel.item ?? [] };
}

describe('RSS feeds', () => {
  it('list every paper in the site feed, with a date only where the listing gives one', () => {
    const feed = readFeed('rss.xml');
    expect(feed.items).toHaveLength(records.length);
    for (const item of feed.items) {
      const record = byUrl.get(item.link);
      expect(record, item.link).toBeDefined();
      expect(item.title).toBe(record!.title);
      expect(item.pubDate === undefined).toBe(record!.published === null);
    }
  });

  it.each(ALL_THEMES.map((theme) => [theme.id, theme.name]))('list exactly the papers of the %s theme', (id, name) => {
    const feed = readFeed(`themes/${id}/rss.xml`);
    expect(feed.title).toBe(`Papershelf: ${name}`);
    const expected = records
      .filter((record) => record.themes.includes(id))
      .map((record) => record.url)
      .sort();
    expect(feed.items.map((item) => item.link).sort()).toEqual(expected);
    const advertised = elements(parseHtml(SITE_BUILD, `themes/${id}/index.html`))
      .filter((element) => element.tagName === 'link' && String(element.properties['rel']) === 'alternate')
      .map((element) => [element.properties['title'], element.properties['href']]);
    expect(advertised).toContainEqual([`Papershelf: ${name}`, `../../themes/${id}/rss.xml`]);
  });
});
