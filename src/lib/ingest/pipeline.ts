import type { SearchRecord } from '../search/records.ts';
import { OTHER_THEME, themeIdsOf, type ThemeDefinition } from '../themes.ts';
import { inlinesToText, toInlines } from './abstract-text.ts';
import { classify, compileThemes, type CompiledTheme } from './classify.ts';
import { compareCodeUnits } from './compare.ts';
import { paperPage } from './markdown.ts';
import { mergeEntries, type MergedPaper } from './merge.ts';
import { applyOverride, lineOf, OverridesError, parseOverrides, unknownOverrideSlugs, type Override } from './overrides.ts';
import { parseDump, type DumpEntry } from './parse-dump.ts';
import { readLines } from './read-lines.ts';
import { assignSlugs } from './slug.ts';
import { SourceError } from './source-error.ts';

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
  /** What search indexes for each paper, in the same order as the pages. */
  searchRecords: SearchRecord[];
  summary: IngestSummary;
}

/** Ingest's configuration, passed in: the pipeline reads no file. */
export interface IngestOptions {
  /** The themes papers are classified into (THEMES, from content/themes.json, for the site's pages). */
  themes: readonly ThemeDefinition[];
  /** The text of content/overrides.json; no corrections when left out. */
  overridesText?: string;
  /** Called after each dump is parsed, for progress on long runs. */
  onDumpParsed?: (done: number, total: number, entries: number) => void;
}

/** One paper ready to be classified and written: the unit of work that can run in parallel. */
export interface PageJob {
  slug: string;
  paper: MergedPaper;
  override: Override | undefined;
}

/** What the summary and the search index need of a page once it is written: all but its content. */
export interface PageOutline {
  name: string;
  themes: string[];
  searchRecord: SearchRecord;
}

/** A rendered page and the themes it ended up in. */
export interface RenderedPage extends PageOutline {
  content: string;
}

export const outlineOf = ({ name, themes, searchRecord }: RenderedPage): PageOutline => ({ name, themes, searchRecord });

/** Everything before the per-paper work: parse, merge, slug, check overrides. Throws on bad input. */
export function preparePages(sources: readonly SourceFile[], options: IngestOptions): { jobs: PageJob[]; entriesRead: number } {
  const ordered = [...sources].sort((a, b) => compareCodeUnits(a.name, b.name));
  const entries: DumpEntry[] = [];
  ordered.forEach((source, index) => {
    entries.push(...parseDump(source.name, readLines(source.name, source.bytes)));
    options.onDumpParsed?.(index + 1, ordered.length, entries.length);
  });
  const papers = mergeEntries(entries);
  const slugs = assignSlugs(papers);
  const overridesText = options.overridesText ?? '{}';
  const overrides = parseOverrides(overridesText, themeIdsOf(options.themes));
  const unknown = unknownOverrideSlugs(overrides, new Set(slugs.values()));
  if (unknown.length > 0) {
    throw new OverridesError(lineOf(overridesText, `"${unknown[0]}"`), `no paper has the slug "${unknown[0]}"`);
  }
  const jobs = papers.map((paper) => {
    const slug = slugs.get(paper.key)!;
    return { slug, paper, override: overrides.get(slug) };
  });
  return { jobs, entriesRead: entries.length };
}

/** Classifies and renders papers to Markdown pages: pure, and independent per paper. */
export function renderPages(jobs: readonly PageJob[], compiled: readonly CompiledTheme[]): RenderedPage[] {
  const themeNames = new Map<string, string>([...compiled, OTHER_THEME].map((theme) => [theme.id, theme.name]));
  const themeOrder = themeIdsOf(compiled);
  return jobs.map(({ slug, paper, override }) => {
    const title = inlinesToText(toInlines(paper.title));
    const abstract = toInlines(paper.abstract);
    const text = inlinesToText(abstract);
    // `\textbf{}` or `{\em }` alone is text in a dump, but nothing on a page.
    const emptied =
      title.trim() === '' ? `the title "${paper.title}"` : text.trim() === '' ? `the abstract of "${paper.title}"` : null;
    if (emptied) throw new SourceError(paper.sources[0]!, `${emptied} is empty once its TeX is rendered`);
    const { themes: themeIds, evidence } = applyOverride(classify(title, text, compiled), override, themeOrder);
    const content = paperPage(
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
    const searchRecord: SearchRecord = {
      slug,
      title,
      text,
      themes: themeIds.map((id) => themeNames.get(id) ?? id),
      published: paper.published,
      upvotes: paper.upvotes,
    };
    return { name: `${slug}.md`, content, themes: themeIds, searchRecord };
  });
}

/** The search records in file-name order, and the counts the CLI prints. */
export function summarize(
  outlines: readonly PageOutline[],
  entriesRead: number,
): { searchRecords: SearchRecord[]; summary: IngestSummary } {
  // Counted in a Map: a theme id such as `constructor` must not start from a property every object has.
  const counts = new Map<string, number>();
  for (const page of outlines) for (const id of page.themes) counts.set(id, (counts.get(id) ?? 0) + 1);
  const papersPerTheme: Record<string, number> = Object.fromEntries(counts);
  const sorted = [...outlines].sort((a, b) => compareCodeUnits(a.name, b.name));
  return {
    searchRecords: sorted.map((page) => page.searchRecord),
    summary: {
      entriesRead,
      papersWritten: outlines.length,
      duplicatesMerged: entriesRead - outlines.length,
      papersPerTheme,
      papersInOther: counts.get(OTHER_THEME.id) ?? 0,
    },
  };
}

/** The pages sorted by file name, with their search records and the counts the CLI prints. */
export function collectResult(rendered: readonly RenderedPage[], entriesRead: number): IngestResult {
  const sorted = [...rendered].sort((a, b) => compareCodeUnits(a.name, b.name));
  return { pages: new Map(sorted.map((page) => [page.name, page.content])), ...summarize(rendered, entriesRead) };
}

/**
 * The whole ingest as one pure function: dumps in, Markdown pages out. Parse every dump, merge
 * copies of the same paper, slug, classify, apply curator overrides, render. Throws a SourceError
 * or OverridesError (naming file and line) on bad input, before anything is written.
 */
export function ingest(sources: readonly SourceFile[], options: IngestOptions): IngestResult {
  const { jobs, entriesRead } = preparePages(sources, options);
  return collectResult(renderPages(jobs, compileThemes(options.themes)), entriesRead);
}
