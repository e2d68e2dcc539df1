import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_LENGTH } from '../../src/site.config.ts';
import { PAGED_BUILD } from '../helpers/site-builds.ts';
import { htmlFiles } from '../helpers/site-files.ts';

interface Record {
  url: string;
  sources: { file: string; line: number }[];
}
const records = JSON.parse(readFileSync(join(PAGED_BUILD, 'papers.json'), 'utf8')) as Record[];

/** The newest listing of a paper as README defines it: the last dump that lists it (dumps sort by name), then its line there. */
const lastListing = (record: Record) => record.sources.reduce((last, source) => (source.file > last.file ? source : last));

describe('a reading list of a few hundred papers', () => {
  it('keeps every page a reader opens light: no HTML page over 200 kB', () => {
    const pages = htmlFiles(PAGED_BUILD);
    expect(pages.length).toBeGreaterThan(records.length);
    expect(pages.filter((page) => statSync(join(PAGED_BUILD, page)).size > 200 * 1024)).toEqual([]);
  });

  it('gives feeds the newest papers only, newest first, and keeps every paper in papers.json', () => {
    expect(records.length).toBeGreaterThan(FEED_LENGTH);
    const xml = readFileSync(join(PAGED_BUILD, 'rss.xml'), 'utf8');
    const items = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel.item as { link: string }[];
    const byUrl = new Map(records.map((record) => [record.url, record]));
    const listings = items.map((item) => lastListing(byUrl.get(item.link)!));
    expect(items).toHaveLength(FEED_LENGTH);
    const newest = records
      .map(lastListing)
      .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? 1 : -1))
      .slice(0, FEED_LENGTH);
    expect(listings).toEqual(newest);
  });
});
