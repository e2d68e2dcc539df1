import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { parseDump, type DumpEntry } from '../../src/lib/ingest/parse-dump.ts';
import { readLines } from '../../src/lib/ingest/read-lines.ts';
import { texToText } from '../../src/lib/ingest/tex.ts';
import { makeWorkspace, readPages, REPO, runIngest, SEEDS } from '../helpers/workspace.ts';

/** The site's own Markdown pipeline, exactly as astro.config.mjs sets it up. */
const renderer = await astroConfig.markdown!.processor!.createRenderer({});

/** A page's HTML as Astro's content layer makes it: front matter split off, the rest rendered. */
async function renderPage(page: string): Promise<string> {
  const { frontmatter, content } = parseFrontmatter(page);
  return (await renderer.render(content, { frontmatter })).code;
}

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** What a reader must see for an entry: the dump's text, with TeX residue rendered as meant. */
function expectedText(raw: string): string {
  return collapse(texToText(raw));
}

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

/** Renders every page of a workspace with the site's pipeline and compares it with the dumps. */
function checkWorkspace(root: string, sourceDir: string) {
  const entries = new Map<string, DumpEntry>();
  const pages = readPages(root);
  for (const page of pages.values()) {
    const { data } = readPaperPage(page);
    for (const source of data.sources) {
      const key = `${source.file}:${source.line}`;
      if (entries.has(key)) continue;
      const file = join(sourceDir, source.file);
      for (const entry of parseDump(source.file, readLines(source.file, readFileSync(file)))) {
        entries.set(`${entry.place.file}:${entry.place.line}`, entry);
      }
    }
  }
  return [...pages.entries()].map(([name, page]) => ({ name, page, entries }));
}

/** The rendered body's heading and the abstract's paragraph; fails unless it is exactly `<h2>` then `<p>`. */
function headingAndAbstract(name: string, code: string): [Element, Element] {
  const blocks = fromHtml(code, { fragment: true }).children.filter((child) => child.type === 'element');
  expect(
    blocks.map((block) => block.tagName),
    name,
  ).toEqual(['h2', 'p']);
  return [blocks[0]!, blocks[1]!];
}

async function expectFaithful(name: string, page: string, entries: Map<string, DumpEntry>) {
  const { data } = readPaperPage(page);
  const source = data.sources[0]!;
  const entry = entries.get(`${source.file}:${source.line}`)!;
  expect(data.title, name).toBe(collapse(texToText(entry.title)));
  const [heading, abstract] = headingAndAbstract(name, await renderPage(page));
  // rehype-slug gives the heading its id: the page's #abstract.
  expect(heading.properties['id'], name).toBe('abstract');
  expect(toText(heading), name).toBe('Abstract');
  expect(collapse(toText(abstract)), name).toBe(expectedText(entry.abstract));
  const tags = new Set(elements(abstract).map((element) => element.tagName));
  expect(
    [...tags].filter((tag) => tag !== 'a'),
    `${name}: markup from the text`,
  ).toEqual([]);
  for (const link of elements(abstract).filter((element) => element.tagName === 'a')) {
    const href = decodeURI(String(link.properties['href']));
    expect(href, name).toMatch(/^https?:\/\//u);
    expect(entry.abstract, name).toContain(href);
    expect(toText(link), name).toBe(href);
  }
}

describe('every page renders back to its source text through the site pipeline', () => {
  const root = makeWorkspace();
  runIngest(root);
  const pages = checkWorkspace(root, SEEDS);

  it('covers all 224 papers', () => {
    expect(pages).toHaveLength(224);
  });

  it('renders each abstract exactly, with no markup from the text and bare URLs as links', async () => {
    for (const { name, page, entries } of pages) await expectFaithful(name, page, entries);
  });

  it('turns bare URLs into links without trailing punctuation', async () => {
    const page = pages.find(({ name }) => name.startsWith('model-soups'))!;
    const code = await renderPage(page.page);
    expect(code).toContain(
      '<a href="https://github.com/mlfoundations/model-soups">https://github.com/mlfoundations/model-soups</a>.',
    );
  });
});

describe('a hostile dump renders literally through the site pipeline', () => {
  const root = makeWorkspace([join(REPO, 'tests/fixtures/hostile/hostile.txt')]);
  runIngest(root);
  const pages = checkWorkspace(root, join(root, 'content/sources'));

  it('shows script tags, HTML, Markdown syntax, entities, emoji and CJK as text', async () => {
    expect(pages.length).toBe(5);
    for (const { name, page, entries } of pages) await expectFaithful(name, page, entries);
    const attack = pages.find(({ page }) => page.includes('onerror'))!;
    const code = await renderPage(attack.page);
    expect(code).not.toMatch(/<(script|img|b)\b/u);
    expect(toText(headingAndAbstract(attack.name, code)[1])).toMatch(
      /^<script>alert\(1\)<\/script> We quantize <b>bold<\/b> & <img /u,
    );
  });
});
