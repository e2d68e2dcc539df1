import { getCollection, type CollectionEntry } from 'astro:content';
import { decodeHTML } from 'entities';
import { ELEMENT_NODE, parse, TEXT_NODE, walkSync } from 'ultrahtml';
import { RELATED_COUNT } from '../site.config.ts';
import { sortPapers, type SortablePaper } from './paper-sort.ts';
import { relatedInput, relatedPapers } from './related.ts';
import { countByTheme, type ThemeCount } from './theme-counts.ts';

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

const HEADING = /^h[1-6]$/u;

/**
 * The abstract's text and links, from the HTML the Markdown renders to, without its heading. The
 * HTML is our own renderer's (a heading, paragraphs, text, links), so a small fast parser is enough;
 * at 10,000 papers a full HTML5 parser took over a second of the build.
 */
function abstractTextAndLinks(html: string): { text: string; links: string[] } {
  const parts: string[] = [];
  const links: string[] = [];
  walkSync(parse(html), (node) => {
    if (node.type === TEXT_NODE && !HEADING.test(node.parent?.name ?? '')) parts.push(decodeHTML(node.value));
    if (node.type !== ELEMENT_NODE) return;
    // Paragraphs and line breaks separate words; links and emphasis run on within the text.
    if (node.name === 'p' || node.name === 'br') parts.push(' ');
    if (node.name === 'a' && node.attributes['href']) links.push(decodeHTML(node.attributes['href']));
  });
  return { text: parts.join('').replace(/\s+/gu, ' ').trim(), links: [...new Set(links)] };
}

function toPaper(entry: PaperEntry): Paper {
  const { text, links } = abstractTextAndLinks(entry.rendered?.html ?? '');
  return {
    slug: entry.id,
    title: entry.data.title,
    published: entry.data.published,
    upvotes: entry.data.upvotes,
    entry,
    data: entry.data,
    abstract: text,
    abstractLinks: links,
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
  /** Every theme with its number of papers, in config order: the home page, the themes page and the list of all papers show them. */
  themeCounts: ThemeCount[];
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
    papers.map((paper) =>
      relatedInput({ slug: paper.slug, title: paper.data.title, abstract: paper.abstract, themes: paper.data.themes }),
    ),
    RELATED_COUNT,
  );
  return {
    papers,
    bySlug: new Map(papers.map((paper) => [paper.slug, paper])),
    related,
    neighbours: neighboursInMainTheme(papers),
    themeCounts: countByTheme(papers),
  };
}

/** Every paper, sorted by title; loaded and analysed once per build. */
export async function getLibrary(): Promise<Library> {
  library ??= loadLibrary();
  return library;
}
