import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { afterIngest } from './lib/build-gates.ts';
import { paperSchema } from './lib/paper.ts';

/** One entry per page written by `npm run ingest`; the entry id is the paper's slug. */
const papers = defineCollection({
  loader: afterIngest(glob({ pattern: '*.md', base: './content/papers', retainBody: false })),
  schema: paperSchema,
});

export const collections = { papers };
