import type { PhrasingContent, Root } from 'mdast';
import { remark } from 'remark';
import { parse, stringify } from 'smol-toml';
import { paperSchema, type PaperData } from '../paper.ts';
import type { Inline } from './abstract-text.ts';

/** The heading over the abstract; rehype-slug gives it the id `abstract` (papers/<slug>/#abstract). */
export const ABSTRACT_HEADING = 'Abstract';

/** remark with its defaults: CommonMark, no GFM, so the text escapes are CommonMark's. */
const markdown = remark().freeze();

/** A page's body as a Markdown tree: the heading, then the abstract as one paragraph, its URLs as links. */
export function pageBodyTree(inlines: readonly Inline[]): Root {
  const children: PhrasingContent[] = inlines.map((inline) =>
    inline.type === 'text'
      ? { type: 'text', value: inline.value }
      : { type: 'link', url: inline.url, children: [{ type: 'text', value: inline.url }] },
  );
  return {
    type: 'root',
    children: [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: ABSTRACT_HEADING }] },
      { type: 'paragraph', children },
    ],
  };
}

/**
 * Writes a page's body, `## Abstract` and the abstract, as Markdown that renders back to exactly
 * its text: remark escapes everything CommonMark would read as markup (`<tag>`, `*`, `_`, backticks,
 * `[…](…)`, entities), and URLs become autolinks.
 */
export function pageBody(inlines: readonly Inline[]): string {
  return markdown.stringify(pageBodyTree(inlines));
}

/** The line around a page's front matter: TOML's, which Astro reads as it reads YAML front matter. */
const FENCE = '+++';

/**
 * A complete paper page: front matter validated by the paper schema, then the body. The front
 * matter is TOML: exact for any string, and faster for Astro to read than YAML (10,000 pages' took
 * smol-toml 0.1 s and js-yaml 0.9 s on their own). TOML has no null: an unknown value is left out,
 * and the schema reads it back as null.
 */
export function paperPage(data: PaperData, inlines: readonly Inline[]): string {
  // smol-toml leaves out null fields, as documented.
  const frontMatter = stringify(paperSchema.parse(data));
  return `${FENCE}\n${frontMatter.trimEnd()}\n${FENCE}\n\n${pageBody(inlines)}`;
}

/** A page paperPage wrote: its front matter, validated, and its Markdown body (what pageBody wrote). */
export function readPaperPage(page: string): { data: PaperData; body: string } {
  const end = page.indexOf(`\n${FENCE}\n`);
  if (!page.startsWith(`${FENCE}\n`) || end < 0) throw new Error(`not a paper page: no ${FENCE} front matter`);
  return {
    data: paperSchema.parse(parse(page.slice(FENCE.length + 1, end))),
    // The blank line after the front matter belongs to the page, not to the body.
    body: page.slice(end + FENCE.length + 2).replace(/^\n/u, ''),
  };
}
