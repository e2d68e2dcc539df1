import { themes } from '../../../content/themes.ts';
import { OTHER_THEME, type ThemeDefinition } from '../themes.ts';
import { inlinesToText, toInlines } from './abstract-text.ts';
import { classify, compileThemes } from './classify.ts';
import { paperPage } from './markdown.ts';
import { mergeEntries } from './merge.ts';
import { applyOverride, lineOf, OverridesError, parseOverrides, unknownOverrideSlugs } from './overrides.ts';
import { parseDump, type DumpEntry } from './parse-dump.ts';
import { readLines } from './read-lines.ts';
import { assignSlugs } from './slug.ts';

export interface SourceFile {
  /** File name inside content/sources. */
  name: string;
  bytes: Uint8Array;
}

export interface IngestSummary {
  entriesRead: number;
  papersWritten: number;
  duplicatesMerged: number;
  papersPerTheme: Record<string, number>;
  papersInOther: number;
}

export interface IngestResult {
  /** Page file name (`<slug>.md`) to its content, sorted by file name. */
  pages: Map<string, string>;
  summary: IngestSummary;
}

export interface IngestOptions {
  overridesText?: string;
  themeDefinitions?: readonly ThemeDefinition[];
  /** Called after each dump is parsed, for progress on long runs. */
  onDumpParsed?: (done: number, total: number, entries: number) => void;
}

/**
 * The whole ingest as one pure function: dumps in, Markdown pages out. Parse every dump, merge
 * copies of the same paper, slug, classify, apply curator overrides, render. Throws a SourceError
 * or OverridesError (naming file and line) on bad input, before anything is written.
 */
export function ingest(sources: readonly SourceFile[], options: IngestOptions = {}): IngestResult {
  const ordered = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries: DumpEntry[] = [];
  ordered.forEach((source, index) => {
    entries.push(...parseDump(source.name, readLines(source.name, source.bytes)));
    options.onDumpParsed?.(index + 1, ordered.length, entries.length);
  });
  const papers = mergeEntries(entries);
  const slugs = assignSlugs(papers);
  const overridesText = options.overridesText ?? '{}';
  const overrides = parseOverrides(overridesText);
  const unknown = unknownOverrideSlugs(overrides, new Set(slugs.values()));
  if (unknown.length > 0) {
    throw new OverridesError(lineOf(overridesText, `"${unknown[0]}"`), `no paper has the slug "${unknown[0]}"`);
  }
  const compiled = compileThemes(options.themeDefinitions ?? themes);

  const pages = new Map<string, string>();
  const papersPerTheme: Record<string, number> = {};
  for (const paper of papers) {
    const slug = slugs.get(paper.key)!;
    const title = inlinesToText(toInlines(paper.title));
    const abstract = toInlines(paper.abstract);
    const { themes: themeIds, evidence } = applyOverride(classify(title, inlinesToText(abstract), compiled), overrides[slug]);
    for (const id of themeIds) papersPerTheme[id] = (papersPerTheme[id] ?? 0) + 1;
    const page = paperPage(
      {
        title,
        slug,
        themes: themeIds,
        evidence,
        authors: paper.authors,
        published: paper.published,
        publishedText: paper.publishedText,
        upvotes: paper.upvotes,
        sources: paper.sources,
      },
      abstract,
    );
    pages.set(`${slug}.md`, page);
  }
  const sortedPages = new Map([...pages.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    pages: sortedPages,
    summary: {
      entriesRead: entries.length,
      papersWritten: pages.size,
      duplicatesMerged: entries.length - papers.length,
      papersPerTheme,
      papersInOther: papersPerTheme[OTHER_THEME.id] ?? 0,
    },
  };
}
