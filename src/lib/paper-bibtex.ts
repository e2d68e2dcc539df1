import { BASE_PATH, SITE_URL } from '../site.config.ts';
import { bibtexEntry } from './bibtex.ts';
import type { Paper } from './papers.ts';
import { absoluteUrl, paperPath } from './paths.ts';

/** A paper's BibTeX entry, pointing at its page on the hosted site. */
export function paperBibtex(paper: Paper): string {
  return bibtexEntry({
    slug: paper.slug,
    title: paper.data.title,
    published: paper.data.published,
    authors: paper.data.authors,
    url: absoluteUrl(SITE_URL, BASE_PATH, paperPath(paper.slug)),
    listed: paper.data.sources[0]?.listed ?? null,
  });
}

export const themeBibPath = (id: string): string => `themes/${id}/papers.bib`;
