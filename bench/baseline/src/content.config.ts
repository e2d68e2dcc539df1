import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

const papers = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/papers' }),
  schema: z.object({ title: z.string() }),
});

export const collections = { papers };
