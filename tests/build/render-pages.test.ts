import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { parseDump, type DumpEntry } from '../../src/lib/ingest/parse-dump.ts';
import { readLines } from '../../src/lib/ingest/read-lines.ts';
import { texToText } from '../../src/lib/ingest/tex.ts';
import { makeWorkspace, readPages, REPO, runIngest, SEEDS } from '../helpers/workspace.ts';

/** The site's own Markdown pipeline, exactly as astro.config.mjs sets it up. */
const renderer = await astroConfig.markdown!.processor!.createRenderer({});

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

async function expectFaithful(name: string, page: string, entries: Map<string, DumpEntry>) {
  const { data, body } = readPaperPage(page);
  const source = data.sources[0]!;
  const entry = entries.get(`${source.file}:${source.line}`)!;
  expect(data.title, name).toBe(collapse(texToText(entry.title)));
  const { code } = await renderer.render(body);
  const tree = fromHtml(code, { fragment: true });
  expect(collapse(toText(tree)), name).toBe(expectedText(entry.abstract));
  const tags = new Set(elements(tree).map((element) => element.tagName));
  expect(
    [...tags].filter((tag) => tag !== 'p' && tag !== 'a'),
    `${name}: markup from the text`,
  ).toEqual([]);
  for (const link of elements(tree).filter((element) => element.tagName === 'a')) {
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
    const { code } = await renderer.render(readPaperPage(page.page).body);
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
    const { code } = await renderer.render(readPaperPage(attack.page).body);
    expect(code).not.toMatch(/<(script|img|b)\b/u);
    expect(code).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
