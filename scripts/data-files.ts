/**
 * `node scripts/data-files.ts <folder>`: writes the site's data files (src/lib/data-files.ts: feeds,
 * BibTeX, papers.json) into `folder`, from the pages and search records ingest wrote. Run by
 * `npm run build` while Astro renders the pages; a process of its own, so that its memory is
 * freed before Astro's peaks.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSearchRecords } from '../src/build/search-index.ts';
import { dataFiles } from '../src/lib/data-files.ts';
import { paperSchema } from '../src/lib/paper.ts';
import { sortPapers } from '../src/lib/paper-sort.ts';
import type { PaperFacts } from '../src/lib/papers.ts';

const [folder] = process.argv.slice(2);
if (!folder) throw new Error('usage: node scripts/data-files.ts <folder>');
const papersDir = join(process.env['PAPERSHELF_ROOT'] ?? process.cwd(), 'content/papers');

/** A page's front matter: ingest writes it as JSON (which is YAML too), validated by the same schema as the collection. */
function frontMatter(name: string): PaperFacts['data'] {
  const page = readFileSync(join(papersDir, name), 'utf8');
  const end = page.indexOf('\n---\n', 4);
  if (!page.startsWith('---\n') || end < 0) throw new Error(`${join(papersDir, name)}: no front matter`);
  return paperSchema.parse(JSON.parse(page.slice(4, end)));
}

const abstracts = new Map(readSearchRecords(papersDir).map((record) => [record.slug, record.text]));
const papers = sortPapers(
  readdirSync(papersDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name): PaperFacts => {
      const data = frontMatter(name);
      const abstract = abstracts.get(data.slug);
      if (abstract === undefined) throw new Error(`${join(papersDir, name)}: no search record`);
      return { slug: data.slug, data, abstract, title: data.title, published: data.published, upvotes: data.upvotes };
    }),
  'title',
);
for (const file of await dataFiles(papers)) {
  const path = join(folder, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
}
