import type { Paragraph, PhrasingContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parse, stringify } from 'smol-toml';
import { paperSchema, type PaperData } from '../paper.ts';
import type { Inline } from './abstract-text.ts';

/**
 * Writes an abstract as Markdown that renders back to exactly its text: mdast-util-to-markdown
 * escapes everything CommonMark would read as markup (`<tag>`, `*`, `_`, backticks, `[…](…)`,
 * entities), and URLs become autolinks.
 */
export function abstractToMarkdown(inlines: readonly Inline[]): string {
  const children: PhrasingContent[] = inlines.map((inline) =>
    inline.type === 'text'
      ? { type: 'text', value: inline.value }
      : { type: 'link', url: inline.url, children: [{ type: 'text', value: inline.url }] },
  );
  const paragraph: Paragraph = { type: 'paragraph', children };
  return toMarkdown(paragraph);
}

/** The line around a page's front matter: TOML's, which Astro reads as it reads YAML front matter. */
const FENCE = '+++';

/**
 * A complete paper page: front matter validated by the paper schema, then the abstract. The front
 * matter is TOML: exact for any string, and faster for Astro to read than YAML (10,000 pages' took
 * smol-toml 0.1 s and js-yaml 0.9 s on their own). TOML has no null: an unknown value is left out,
 * and the schema reads it back as null.
 */
export function paperPage(data: PaperData, inlines: readonly Inline[]): string {
  // smol-toml leaves out null fields, as documented.
  const frontMatter = stringify(paperSchema.parse(data));
  return `${FENCE}\n${frontMatter.trimEnd()}\n${FENCE}\n\n${abstractToMarkdown(inlines)}`;
}

/** A page paperPage wrote: its front matter, validated, and its Markdown body. */
export function readPaperPage(page: string): { data: PaperData; body: string } {
  const end = page.indexOf(`\n${FENCE}\n`);
  if (!page.startsWith(`${FENCE}\n`) || end < 0) throw new Error(`not a paper page: no ${FENCE} front matter`);
  return {
    data: paperSchema.parse(parse(page.slice(FENCE.length + 1, end))),
    body: page.slice(end + FENCE.length + 2),
  };
}
