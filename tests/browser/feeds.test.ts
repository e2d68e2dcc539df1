import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveSite, type StaticServer } from '../../scripts/lib/browser.ts';
import { describeInBrowser, expectNoErrors, useBrowser } from '../helpers/browser-suite.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';
import { readPapersJson, siteFiles } from '../helpers/site-files.ts';

const papers = new Map(readPapersJson().map((paper) => [paper.url, paper]));
/** Every feed of the built site: RSS or Atom files, found by what they are rather than by where. */
const feeds = siteFiles(SITE_BUILD).filter((file) => /(?:^|\/)(?:rss|atom|feed)\.xml$/u.test(file));

/** What a reader shows for one field of an item: the text, and any element its HTML made. */
interface Shown {
  text: string;
  elements: string[];
}

interface ShownItem {
  feed: string;
  link: string;
  title: Shown;
  description: Shown;
  /** What the paper page shows: its heading and its abstract. */
  page: { title: string; abstract: string };
}

describeInBrowser('feeds in a feed reader', () => {
  const openPage = useBrowser({ serviceWorkers: 'block' });
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(SITE_BUILD);
  });
  afterAll(() => server?.close());

  it('show every item’s title and abstract as text, exactly as the paper page and papers.json give them', async () => {
    const { page, errors, requests } = await openPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // A page of the site, to fetch the feeds and paper pages from as a web feed reader would.
    await page.goto(server.url);
    const shown = await page.evaluate(
      async ({ feeds, root }) => {
        // As a reader renders an item: its title and description as HTML, in a sandboxed frame that runs no script.
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-same-origin');
        document.body.append(frame);
        await new Promise((resolve) => setTimeout(resolve, 0));
        const reader = frame.contentDocument!.body;
        const render = (html: string) => {
          reader.innerHTML = html;
          const result = {
            text: reader.textContent,
            elements: [...reader.querySelectorAll('*')].map((element) => element.tagName),
          };
          reader.replaceChildren();
          return result;
        };
        const pages = new Map<string, Promise<{ title: string; abstract: string }>>();
        const paperPage = (path: string) => {
          if (!pages.has(path))
            pages.set(
              path,
              fetch(new URL(path.slice(1), root))
                .then((response) => response.text())
                .then((html) => {
                  const doc = new DOMParser().parseFromString(html, 'text/html');
                  return {
                    title: doc.querySelector('.paper-header h1')?.textContent ?? '',
                    abstract: [...doc.querySelectorAll('[data-abstract] p')].map((p) => p.textContent).join('\n\n'),
                  };
                }),
            );
          return pages.get(path)!;
        };
        const items: ShownItem[] = [];
        for (const feed of feeds) {
          const xml = new DOMParser().parseFromString(await (await fetch(new URL(feed, root))).text(), 'application/xml');
          if (xml.querySelector('parsererror')) throw new Error(`${feed} is not well-formed XML`);
          for (const item of xml.querySelectorAll('item, entry')) {
            const field = (name: string) => item.querySelector(name)?.textContent ?? '';
            const link = field('link') || (item.querySelector('link')?.getAttribute('href') ?? '');
            items.push({
              feed,
              link,
              title: render(field('title')),
              description: render(field('description') || field('summary') || field('content')),
              page: await paperPage(new URL(link).pathname),
            });
          }
        }
        return items;
      },
      { feeds, root: server.url },
    );

    // Not an empty check: the site feed and every theme's, with every paper, the hostile dump's among them.
    expect(feeds).toContain('rss.xml');
    expect(feeds.filter((feed) => feed.startsWith('themes/')).length).toBeGreaterThan(10);
    expect(new Set(shown.map((item) => item.feed))).toEqual(new Set(feeds));
    expect(new Set(shown.map((item) => item.link))).toEqual(new Set(papers.keys()));
    const checked = shown.map((item) => papers.get(item.link)!);
    for (const markup of ['<script>', '</script>', '<img src=x onerror=', '<b>', '<not-a-tag>', '&amp;', ' & ', '1 < 2 > 0'])
      expect(
        checked.some((paper) => paper.title.includes(markup) || paper.abstract.includes(markup)),
        markup,
      ).toBe(true);

    const wrong = (field: (item: ShownItem) => string, expected: (item: ShownItem) => string) =>
      shown.filter((item) => field(item) !== expected(item)).map((item) => `${item.feed}: ${field(item)}`);
    expect(
      wrong(
        (item) => item.title.text,
        (item) => papers.get(item.link)!.title,
      ),
    ).toEqual([]);
    expect(
      wrong(
        (item) => item.title.text,
        (item) => item.page.title,
      ),
    ).toEqual([]);
    expect(
      wrong(
        (item) => item.description.text,
        (item) => papers.get(item.link)!.abstract,
      ),
    ).toEqual([]);
    expect(
      wrong(
        (item) => item.description.text,
        (item) => item.page.abstract,
      ),
    ).toEqual([]);
    // Nothing but text: no script, image, bold or unknown element from a dump is made by the reader.
    expect(
      shown
        .filter((item) => item.title.elements.length + item.description.elements.length > 0)
        .map((item) => `${item.feed} ${item.link}: ${[...item.title.elements, ...item.description.elements].join(' ')}`),
    ).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(server.url) || /\/x$/u.test(url))).toEqual([]);
    expectNoErrors(errors);
  });
});
