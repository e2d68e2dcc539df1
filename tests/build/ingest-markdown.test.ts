import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent, RootContent } from 'mdast';
import { remark } from 'remark';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestProject, readSources } from '../../scripts/ingest/ingest-project.ts';
import { inlinesToText, toInlines, type Inline } from '../../src/lib/ingest/abstract-text.ts';
import { ABSTRACT_HEADING, readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { preparePages } from '../../src/lib/ingest/pipeline.ts';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../../src/lib/search/records.ts';
import { THEMES } from '../../src/lib/themes.ts';
import { makeWorkspace, readPages } from '../helpers/workspace.ts';

/** A parsed paragraph as the runs it was written from: text (adjacent runs joined) and links. */
function inlinesOf(children: readonly PhrasingContent[]): Inline[] {
  const inlines: Inline[] = [];
  for (const child of children) {
    const last = inlines.at(-1);
    if (child.type === 'text') {
      if (last?.type === 'text') last.value += child.value;
      else inlines.push({ type: 'text', value: child.value });
    } else if (child.type === 'link') {
      // The text of a link is the URL as written; its destination is the same, percent-encoded where CommonMark encodes.
      const text = child.children.map((part) => (part.type === 'text' ? part.value : `<${part.type}>`)).join('');
      expect(decodeURI(child.url)).toBe(text);
      inlines.push({ type: 'link', url: text });
    } else {
      inlines.push({ type: 'text', value: `<${child.type}>` });
    }
  }
  return inlines;
}

const describeNode = (node: RootContent | undefined): string =>
  node === undefined ? 'nothing' : node.type === 'heading' ? `heading ${node.depth}` : node.type;

describe('every page written from the seeds reads back with remark', async () => {
  const root = makeWorkspace();
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  await ingestProject(root, THEMES);
  const pages = readPages(root);
  const records = new Map(
    (JSON.parse(readFileSync(join(root, 'content/papers', SEARCH_RECORDS_FILE), 'utf8')) as SearchRecord[]).map((record) => [
      record.slug,
      record,
    ]),
  );
  const { jobs } = preparePages(await readSources(join(root, 'content/sources')), { themes: THEMES });
  const written = new Map(jobs.map((job) => [job.slug, toInlines(job.paper.abstract)]));
  const markdown = remark();

  it('covers all 224 papers', () => {
    expect(pages.size).toBe(224);
    expect(records.size).toBe(224);
  });

  it('as a level-2 heading "Abstract", then the abstract as one paragraph: its text, its links, nothing else', () => {
    const wrong: string[] = [];
    for (const [name, page] of pages) {
      const { data, body } = readPaperPage(page);
      const [heading, paragraph, ...rest] = markdown.parse(body).children;
      if (heading?.type !== 'heading' || heading.depth !== 2 || paragraph?.type !== 'paragraph' || rest.length > 0) {
        wrong.push(`${name}: ${[heading, paragraph, ...rest].map(describeNode).join(', ')}`);
        continue;
      }
      expect(inlinesOf(heading.children), name).toEqual([{ type: 'text', value: ABSTRACT_HEADING }]);
      const inlines = inlinesOf(paragraph.children);
      expect(inlines, name).toEqual(written.get(data.slug));
      expect(inlinesToText(inlines), name).toBe(records.get(data.slug)!.text);
    }
    expect(wrong).toEqual([]);
  });

  it('and stringifies back to the same body', () => {
    const changed = [...pages].filter(([, page]) => {
      const { body } = readPaperPage(page);
      return markdown.stringify(markdown.parse(body)) !== body;
    });
    expect(changed.map(([name]) => name)).toEqual([]);
  });

  it('with links in the abstracts that have URLs', () => {
    const links = [...written.values()].flat().filter((inline) => inline.type === 'link');
    expect(links.length).toBeGreaterThan(10);
  });
});
