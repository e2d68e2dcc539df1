import { readdirSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './lib/paper.ts';

const PAPERS_DIR = './content/papers';

/** Stops the build before it publishes an empty site: the pages come from ingest, not from Astro. */
function assertIngested(): void {
  let pages: string[] = [];
  try {
    pages = readdirSync(PAPERS_DIR).filter((name) => name.endsWith('.md'));
  } catch {
    // No folder: reported below, as for an empty one.
  }
  if (pages.length === 0)
    throw new Error('content/papers/ has no paper pages: run `npm run ingest` first (`npm run build` runs it for you)');
}

const pages = glob({ pattern: '*.md', base: PAPERS_DIR, retainBody: false });

/** One entry per page written by `npm run ingest`; the entry id is the paper's slug. */
const papers = defineCollection({
  loader: {
    ...pages,
    load: async (context) => {
      assertIngested();
      await pages.load(context);
    },
  },
  schema: paperSchema,
});

export const collections = { papers };
