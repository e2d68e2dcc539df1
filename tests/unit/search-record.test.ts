import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { searchRecordHtml, searchRecordUrl } from '../../src/lib/search/records.ts';

const record = {
  slug: 'hostile',
  title: '<script>alert("t")</script> & "LoRA"',
  text: 'Abstract with <img src=x onerror=alert(1)> and &amp; kept as text.',
  themes: ['Retrieval & ranking', 'LoRA'],
  published: null,
  upvotes: 7,
};

function elements(node: { children?: unknown[] }): Element[] {
  return ((node.children ?? []) as Element[]).flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

describe('the page Pagefind indexes for a paper', () => {
  const tree = fromHtml(searchRecordHtml(record));
  const all = elements(tree);

  it('holds the title, abstract and theme names as text, never as markup', () => {
    expect(all.some((element) => ['script', 'img'].includes(element.tagName))).toBe(false);
    const title = all.find((element) => element.tagName === 'h1')!;
    expect(toText(title)).toBe(record.title);
    expect(title.properties['dataPagefindMeta']).toBe('title');
    const paragraphs = all.filter((element) => element.tagName === 'p').map((element) => toText(element));
    expect(paragraphs).toEqual([record.text]);
    const meta = all.map((element) => element.properties['dataPagefindMeta']).filter(Boolean);
    expect(meta).toEqual(['title', 'themes:Retrieval & ranking, LoRA']);
  });

  it('carries the theme filter and both sort keys, the lowest key standing in for an unknown date', () => {
    const filters = all
      .filter((element) => element.properties['dataPagefindFilter'] === 'theme')
      .map((element) => toText(element));
    expect(filters).toEqual(record.themes);
    const sorts = all.map((element) => element.properties['dataPagefindSort']).filter(Boolean);
    expect(sorts).toEqual(['date:0000-00-00', 'upvotes:7']);
    expect(searchRecordUrl(record)).toBe('/papers/hostile/');
  });
});
