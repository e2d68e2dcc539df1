import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../../src/lib/search/records.ts';
import { themeInfo } from '../../src/lib/themes.ts';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import {
  FIXTURE_PAPERS,
  SITE_BUILD,
  SITE_BUILD_AGAIN,
  SUBPATH_BASE,
  SUBPATH_BUILD,
  SUBPATH_SITE,
} from '../helpers/site-builds.ts';
import { elements, htmlFiles, isExternal, parseHtml, readPapersJson, references, siteFiles } from '../helpers/site-files.ts';

const pages = htmlFiles(SITE_BUILD);
const paperPages = pages.filter((file) => /^papers\/[^/]+\/index\.html$/u.test(file));
/** The pages ingest wrote for the fixture: the site has a page for each. */
const ingestedSlugs = readdirSync(FIXTURE_PAPERS)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -'.md'.length))
  .sort();
const classOf = (element: Element) => [element.properties['className'] ?? []].flat().join(' ');
/** Pages served at any address (the offline page by the service worker): they link from the site root, and nothing links to them. */
const servedAnywhere = (file: string) => file === '404.html' || file === 'offline/index.html';

describe('the built site', () => {
  it('has every page type', () => {
    for (const page of [
      'index.html',
      '404.html',
      'about/index.html',
      'search/index.html',
      'papers/index.html',
      'themes/index.html',
      'themes/lora/index.html',
    ]) {
      expect(pages, page).toContain(page);
    }
    expect(ingestedSlugs.length).toBeGreaterThan(15);
    expect(paperPages).toEqual(ingestedSlugs.map((slug) => `papers/${slug}/index.html`).sort());
  });

  it('is complete from a plain `astro build` after `npm run ingest`: search indexes and service worker included', () => {
    const missing = [
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'search/disk-index.js',
      'scripts/disk-search.js',
      'sw.js',
    ].filter((file) => !existsSync(join(SITE_BUILD, file)));
    expect(missing).toEqual([]);
    const entry = JSON.parse(readFileSync(join(SITE_BUILD, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([ingestedSlugs.length]);
    expect(readFileSync(join(SITE_BUILD, 'search/disk-index.js'), 'utf8')).toMatch(/^globalThis\.papershelfDiskIndex = \{/u);
  });

  it('links every internal page and asset by a relative path that exists on disk, never a folder or a root path', () => {
    const broken: string[] = [];
    for (const file of pages) {
      for (const { tag, url } of references(parseHtml(SITE_BUILD, file))) {
        if (isExternal(url) || url.startsWith('#')) continue;
        const path = url.split(/[?#]/u)[0]!;
        if (path.startsWith('/') || path.endsWith('/') || path === '' || path === '.' || path === '..') {
          broken.push(`${file}: <${tag}> ${url} (not a relative file path)`);
          continue;
        }
        const base = servedAnywhere(file) ? '' : dirname(file);
        if (!existsSync(join(SITE_BUILD, posix.normalize(posix.join(base, path))))) broken.push(`${file}: <${tag}> ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads nothing from the network: only plain links point outside the site', () => {
    const loads = pages.flatMap((file) =>
      references(parseHtml(SITE_BUILD, file))
        .filter(({ tag, url, rel }) => tag !== 'a' && rel !== 'canonical' && isExternal(url) && !url.startsWith('data:'))
        .map(({ tag, url }) => `${file}: <${tag}> ${url}`),
    );
    expect(loads).toEqual([]);
  });

  it('is byte-identical, every file, whether built by `astro build` after `npm run ingest` or by `npm run build`', () => {
    const files = siteFiles(SITE_BUILD);
    expect(files.length).toBeGreaterThan(pages.length);
    expect(siteFiles(SITE_BUILD_AGAIN)).toEqual(files);
    const differing = files.filter(
      (file) => !readFileSync(join(SITE_BUILD_AGAIN, file)).equals(readFileSync(join(SITE_BUILD, file))),
    );
    expect(differing).toEqual([]);
  });

  it('keeps the space between a word and the code or link after it in its own text', () => {
    // Astro drops the white space of a line break between text and an element: "with\n<code>" reads "with<code>".
    const glued: string[] = [];
    for (const file of pages.filter((page) => !paperPages.includes(page))) {
      const html = readFileSync(join(SITE_BUILD, file), 'utf8');
      for (const match of html.matchAll(/\p{L}<(?:code|a|em|strong|kbd)[\s>]/gu))
        glued.push(`${file}: …${html.slice(match.index - 20, match.index + 12)}…`);
    }
    expect(glued).toEqual([]);
  });

  it('shows the start of each abstract on theme pages, and a compact list of every paper', () => {
    const records = new Map(readPapersJson().map((record) => [record.title, record]));
    const themePages = pages.filter((file) => /^themes\/[^/]+\/index\.html$/u.test(file));
    expect(themePages.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const file of themePages) {
      const id = file.split('/')[1]!;
      const cards = elements(parseHtml(SITE_BUILD, file)).filter((element) => classOf(element) === 'paper-card');
      const members = [...records.values()].filter((record) => record.themes.includes(id));
      if (cards.length !== members.length || members.length === 0)
        wrong.push(`${file}: ${cards.length} cards, ${members.length} papers`);
      for (const card of cards) {
        const title = toText(elements(card).find((element) => classOf(element) === 'paper-card-title')!);
        const excerpt = elements(card).find((element) => classOf(element) === 'excerpt');
        const abstract = records.get(title)?.abstract;
        const start = excerpt ? toText(excerpt).replace(/…$/u, '') : '';
        // The abstract's own words, up to a word, long enough to tell what the paper is about.
        if (abstract === undefined || !abstract.startsWith(start) || start.length < Math.min(100, abstract.length))
          wrong.push(`${file}: "${title}" shows "${start}"`);
      }
    }
    expect(wrong).toEqual([]);
    const list = elements(parseHtml(SITE_BUILD, 'papers/index.html'));
    expect(list.filter((element) => classOf(element) === 'excerpt')).toEqual([]);
    expect(list.filter((element) => classOf(element) === 'paper-card')).toHaveLength(ingestedSlugs.length);
  });

  it('gives each paper page one h1, its title, and a canonical URL and link-preview meta', () => {
    const tree = parseHtml(SITE_BUILD, 'papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/index.html');
    const all = elements(tree);
    const h1s = all.filter((element) => element.tagName === 'h1');
    expect(h1s.map((h1) => toText(h1))).toEqual(['LoRA vs Full Fine-tuning: An Illusion of Equivalence']);
    const meta = (key: string) =>
      all.find(
        (element) => element.tagName === 'meta' && (element.properties['property'] === key || element.properties['name'] === key),
      )?.properties['content'];
    const canonical = all.find((element) => element.tagName === 'link' && String(element.properties['rel']) === 'canonical');
    expect(canonical?.properties['href']).toBe(
      'http://localhost:4321/papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/',
    );
    expect(meta('og:title')).toBe('LoRA vs Full Fine-tuning: An Illusion of Equivalence');
    expect(meta('og:type')).toBe('article');
    expect(meta('twitter:card')).toBe('summary');
    expect(String(meta('og:description'))).toMatch(/^Fine-tuning is a crucial paradigm/u);
    const h2s = all.filter((element) => element.tagName === 'h2');
    expect(h2s.length).toBeGreaterThan(3);
    expect(h2s.filter((h2) => typeof h2.properties['id'] !== 'string').map((h2) => toText(h2))).toEqual([]);
  });

  it('gives every paper page its Markdown abstract heading as #abstract, labelling the abstract, with no id twice', () => {
    const wrong: string[] = [];
    for (const file of paperPages) {
      const all = elements(parseHtml(SITE_BUILD, file));
      const withId = all.filter((element) => typeof element.properties['id'] === 'string');
      const ids = withId.map((element) => String(element.properties['id']));
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (twice.length > 0) wrong.push(`${file}: ids used twice: ${twice.join(', ')}`);
      const target = withId.filter((element) => element.properties['id'] === 'abstract');
      const section = all.find((element) => element.properties['dataAbstract'] !== undefined);
      const heading = section?.children.find((child): child is Element => child.type === 'element');
      if (!heading || target.length !== 1 || target[0] !== heading || heading.tagName !== 'h2' || toText(heading) !== 'Abstract')
        wrong.push(`${file}: #abstract is not the abstract's own h2 "Abstract"`);
      if (section?.properties['ariaLabelledBy']?.toString() !== 'abstract')
        wrong.push(`${file}: the abstract is not labelled by #abstract`);
    }
    expect(paperPages.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});

describe('papers.json', () => {
  const records = readPapersJson();

  it('holds every paper with its fields, pointing at its page', () => {
    expect(records.map((record) => record.slug).sort()).toEqual(ingestedSlugs);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(
        [
          'abstract',
          'authors',
          'file',
          'published',
          'publishedText',
          'slug',
          'sources',
          'themes',
          'title',
          'upvotes',
          'url',
        ].sort(),
      );
      expect(record.url).toBe(`http://localhost:4321/papers/${record.slug}/`);
      expect(existsSync(join(SITE_BUILD, record.file)), record.file).toBe(true);
      expect(record.themes.length).toBeGreaterThan(0);
      expect(record.sources.length).toBeGreaterThan(0);
    }
  });

  it('gives each abstract as the page shows it, under its heading', () => {
    const differing: string[] = [];
    for (const record of records) {
      const tree = parseHtml(SITE_BUILD, record.file);
      const section = elements(tree).find((element) => element.properties['dataAbstract'] !== undefined)!;
      // The text after the section's heading (#abstract): what a reader reads as the abstract.
      const shown = section.children
        .filter((child) => !(child.type === 'element' && child.properties['id'] === 'abstract'))
        .map((child) => (child.type === 'element' || child.type === 'text' ? toText(child) : ''))
        .join(' ')
        .replace(/\s+/gu, ' ')
        .trim();
      if (shown !== record.abstract) differing.push(`${record.slug}: page "${shown}", papers.json "${record.abstract}"`);
    }
    expect(records.length).toBeGreaterThan(0);
    expect(differing).toEqual([]);
  });

  it('matches what search indexes: each paper’s search record has its title, abstract and theme names', () => {
    const search = JSON.parse(readFileSync(join(FIXTURE_PAPERS, SEARCH_RECORDS_FILE), 'utf8')) as SearchRecord[];
    const bySlug = new Map(search.map((entry) => [entry.slug, entry]));
    expect(bySlug.size).toBe(records.length);
    for (const record of records) {
      const indexed = bySlug.get(record.slug);
      expect(indexed, record.slug).toMatchObject({ title: record.title, text: record.abstract, published: record.published });
      expect(indexed!.themes).toEqual(record.themes.map((id) => themeInfo(id).name));
    }
  });
});

describe('the site over http', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterAll(() => server.close());

  it('serves every internal link and asset of every page', async () => {
    const targets = new Set<string>();
    for (const file of pages) {
      const pageUrl = new URL(servedAnywhere(file) ? '' : file, server.url);
      for (const { url } of references(parseHtml(SITE_BUILD, file))) {
        if (isExternal(url) || url.startsWith('#')) continue;
        targets.add(new URL(url, pageUrl).href.split('#')[0]!);
      }
    }
    const failures: string[] = [];
    for (const target of targets) {
      const response = await fetch(target);
      if (response.status !== 200) failures.push(`${response.status} ${target}`);
    }
    expect(failures).toEqual([]);
    const unlinked = pages
      .filter((file) => !servedAnywhere(file))
      .filter(
        (file) =>
          !targets.has(new URL(file, server.url).href) &&
          !targets.has(new URL(file.replace(/index\.html$/u, ''), server.url).href),
      );
    expect(unlinked, 'pages no other page links to').toEqual([]);
  });

  it('answers an unknown address with the 404 page', async () => {
    const response = await fetch(new URL('no/such/page/', server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });
});

describe('the site hosted under a sub-path at a domain', () => {
  const origin = `${SUBPATH_SITE}${SUBPATH_BASE}`;

  it('puts canonical URLs, the feed, the sitemap and papers.json under the domain and sub-path', () => {
    const paper = readFileSync(
      join(SUBPATH_BUILD, 'papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/index.html'),
      'utf8',
    );
    expect(paper).toContain(`<link rel="canonical" href="${origin}papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/">`);
    const feed = readFileSync(join(SUBPATH_BUILD, 'rss.xml'), 'utf8');
    expect(feed).toContain(`<link>${origin}papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/</link>`);
    const sitemap = readFileSync(join(SUBPATH_BUILD, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${origin}sitemap-0.xml</loc>`);
    const urls = readFileSync(join(SUBPATH_BUILD, 'sitemap-0.xml'), 'utf8');
    expect(urls).toContain(`<loc>${origin}papers/lora-vs-full-fine-tuning-an-illusion-of-equivalence/</loc>`);
    expect(urls.match(/<loc>/gu)).toHaveLength(htmlFiles(SUBPATH_BUILD).filter((file) => !servedAnywhere(file)).length);
    expect(`${sitemap}${urls}`).not.toContain('localhost');
    expect(readFileSync(join(SUBPATH_BUILD, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${origin}sitemap.xml`);
    const records = readPapersJson(SUBPATH_BUILD);
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((record) => !record.url.startsWith(`${origin}papers/`)).map((record) => record.url)).toEqual([]);
  });

  it('serves every internal link of a sample of pages under the sub-path', async () => {
    const server = await serveSite(SUBPATH_BUILD, SUBPATH_BASE);
    try {
      const failures: string[] = [];
      for (const file of [
        'index.html',
        'papers/index.html',
        'themes/lora/index.html',
        paperPages[0]!,
        'about/index.html',
        'search/index.html',
      ]) {
        const pageUrl = new URL(file, server.url);
        for (const { url } of references(parseHtml(SUBPATH_BUILD, file))) {
          if (isExternal(url) || url.startsWith('#')) continue;
          const response = await fetch(new URL(url, pageUrl));
          if (response.status !== 200) failures.push(`${file}: ${response.status} ${url}`);
        }
      }
      const notFound = await fetch(new URL('missing/deep/page/', server.url));
      expect(notFound.status).toBe(404);
      expect(await notFound.text()).toContain(`<base href="${SUBPATH_BASE}">`);
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
