import { getCollection, type CollectionEntry } from 'astro:content';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { RELATED_COUNT } from '../site.config.ts';
import { sortPapers, type SortablePaper } from './paper-sort.ts';
import { relatedPapers } from './related.ts';

export type PaperEntry = CollectionEntry<'papers'>;

/** A paper as the pages use it: its front matter plus the abstract as readers see it. */
export interface Paper extends SortablePaper {
  slug: string;
  entry: PaperEntry;
  data: PaperEntry['data'];
  /** The abstract as plain text, exactly as shown on the page. */
  abstract: string;
  /** Links found in the abstract. */
  abstractLinks: string[];
  /** The first theme in config order: named themes come first. */
  mainTheme: string;
}

function toPaper(entry: PaperEntry): Paper {
  const tree = fromHtml(entry.rendered?.html ?? '', { fragment: true });
  const links: string[] = [];
  const visit = (node: (typeof tree.children)[number]): void => {
    if (node.type !== 'element') return;
    if (node.tagName === 'a' && typeof node.properties['href'] === 'string') links.push(node.properties['href']);
    node.children.forEach(visit);
  };
  tree.children.forEach(visit);
  return {
    slug: entry.id,
    title: entry.data.title,
    published: entry.data.published,
    upvotes: entry.data.upvotes,
    entry,
    data: entry.data,
    abstract: toText(tree).replace(/\s+/gu, ' ').trim(),
    abstractLinks: [...new Set(links)],
    mainTheme: entry.data.themes[0]!,
  };
}

interface Neighbours {
  previous: Paper | undefined;
  next: Paper | undefined;
}

interface Library {
  papers: Paper[];
  bySlug: Map<string, Paper>;
  related: Map<string, string[]>;
  /** Previous and next paper within each paper's main theme, in title order. */
  neighbours: Map<string, Neighbours>;
}

/** Previous and next paper within each paper's main theme: one pass over the papers, not one per page. */
function neighboursInMainTheme(papers: readonly Paper[]): Map<string, Neighbours> {
  const byTheme = new Map<string, Paper[]>();
  for (const paper of papers) {
    for (const theme of paper.data.themes) {
      const members = byTheme.get(theme);
      if (members) members.push(paper);
      else byTheme.set(theme, [paper]);
    }
  }
  const positions = new Map<string, Map<string, number>>();
  for (const [theme, members] of byTheme) positions.set(theme, new Map(members.map((member, index) => [member.slug, index])));
  return new Map(
    papers.map((paper) => {
      const members = byTheme.get(paper.mainTheme)!;
      const index = positions.get(paper.mainTheme)!.get(paper.slug)!;
      return [paper.slug, { previous: members[index - 1], next: members[index + 1] }];
    }),
  );
}

let library: Promise<Library> | undefined;

async function loadLibrary(): Promise<Library> {
  const entries = await getCollection('papers');
  const papers = sortPapers(entries.map(toPaper), 'title');
  const related = relatedPapers(
    papers.map((paper) => ({ id: paper.slug, text: `${paper.data.title} ${paper.data.title} ${paper.abstract}` })),
    RELATED_COUNT,
  );
  return {
    papers,
    bySlug: new Map(papers.map((paper) => [paper.slug, paper])),
    related,
    neighbours: neighboursInMainTheme(papers),
  };
}

/** Every paper, sorted by title; loaded and analysed once per build. */
export async function getLibrary(): Promise<Library> {
  library ??= loadLibrary();
  return library;
}
