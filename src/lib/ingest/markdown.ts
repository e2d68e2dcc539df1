import type { Paragraph, PhrasingContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
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

/**
 * A complete paper page: front matter validated by the paper schema, then the abstract. The front
 * matter is written as JSON, which is valid YAML (Astro reads it as such), exact for any string,
 * and several times faster to write than YAML for large lists.
 */
export function paperPage(data: PaperData, inlines: readonly Inline[]): string {
  const frontMatter = JSON.stringify(paperSchema.parse(data), null, 2);
  return `---\n${frontMatter}\n---\n\n${abstractToMarkdown(inlines)}`;
}
