import { bibtexEntry } from './bibtex.ts';
import type { Paper } from './papers.ts';
import { hostedUrl } from './page-context.ts';
import { paperPath } from './paths.ts';

const entries = new WeakMap<Paper, string>();

/** A paper's BibTeX entry, pointing at its page on the hosted site; made once per paper (its page and each theme's file show it). */
export function paperBibtex(paper: Paper): string {
  let entry = entries.get(paper);
  if (entry === undefined) entries.set(paper, (entry = newEntry(paper)));
  return entry;
}

function newEntry(paper: Paper): string {
  return bibtexEntry({
    slug: paper.slug,
    title: paper.data.title,
    published: paper.data.published,
    authors: paper.data.authors,
    url: hostedUrl(paperPath(paper.slug)),
    listed: paper.data.sources[0]?.listed ?? null,
  });
}

export const themeBibPath = (id: string): string => `themes/${id}/papers.bib`;
