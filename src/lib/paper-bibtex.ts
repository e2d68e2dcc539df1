import { bibtexEntry } from './bibtex.ts';
import type { Paper } from './papers.ts';
import { hostedUrl } from './page-context.ts';
import { paperPath } from './paths.ts';

/** A paper's BibTeX entry, pointing at its page on the hosted site. */
export function paperBibtex(paper: Paper): string {
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
