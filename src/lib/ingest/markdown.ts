import { dump } from 'js-yaml';
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

/** A complete paper page: YAML front matter validated by the paper schema, then the abstract. */
export function paperPage(data: PaperData, inlines: readonly Inline[]): string {
  const frontMatter = dump(paperSchema.parse(data), { lineWidth: -1, noRefs: true, sortKeys: false });
  return `---\n${frontMatter}---\n\n${abstractToMarkdown(inlines)}`;
}
