import type { Paper } from './papers.ts';
import { hostedUrl } from './page-context.ts';
import { paperPath } from './paths.ts';

/** One record of papers.json: a paper as the site shows it, with where to find it. */
export function paperRecord(paper: Paper) {
  const { data } = paper;
  return {
    slug: paper.slug,
    url: hostedUrl(paperPath(paper.slug)),
    file: `${paperPath(paper.slug)}index.html`,
    title: data.title,
    abstract: paper.abstract,
    themes: data.themes,
    authors: data.authors,
    published: data.published,
    publishedText: data.publishedText,
    upvotes: data.upvotes,
    sources: data.sources,
  };
}
