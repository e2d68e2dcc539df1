/**
 * The hand-labelled papers the classifier and the related papers are measured on, put through
 * ingest's own pure pipeline (`ingest`: parse, merge, slug, classify, render), so the themes and
 * evidence measured are the ones the pages store:
 *
 * - the seeds (content/sources, labels in tests/fixtures/theme-labels.json) and the tuning set
 *   (tests/fixtures/tuning: unseen papers a rule was changed for), which the rules are tuned on;
 * - the unseen set (tests/fixtures/unseen), which the rules are never tuned on.
 *
 * tests/fixtures/unseen/LABELS.md says how the labels were made and which papers moved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { ingest } from '../../src/lib/ingest/pipeline.ts';
import { OTHER_THEME, THEMES } from '../../src/lib/themes.ts';

export const SEED_DIR = 'content/sources';
export const SEED_LABELS = 'tests/fixtures/theme-labels.json';
export const TUNING_DIR = 'tests/fixtures/tuning';
export const UNSEEN_DIR = 'tests/fixtures/unseen';

/** A paper as ingest wrote it: its slug, title and abstract text, and the themes and evidence on its page. */
export interface IngestedPaper {
  slug: string;
  title: string;
  /** The abstract as plain text, as search and the page show it. */
  abstract: string;
  themes: string[];
  evidence: Partial<Record<string, string[]>>;
}

export interface LabelledPaper extends IngestedPaper {
  /** Themes the paper is about (`other` when it is about none of them). */
  core: string[];
  /** Themes either answer is accepted for: left out of both precision and recall. */
  borderline: string[];
}

/** Every paper in the dumps (`*.txt`) of a folder, put through ingest with the site's themes and no overrides. */
export function ingestFolder(dir: string): IngestedPaper[] {
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  if (sources.length === 0) return [];
  const { pages, searchRecords } = ingest(sources, { themes: THEMES });
  return searchRecords.map(({ slug, title, text }) => {
    const { data } = readPaperPage(pages.get(`${slug}.md`)!);
    return { slug, title, abstract: text, themes: data.themes, evidence: data.evidence };
  });
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Joins papers to their labels by title; a paper without a label, or a label without a paper, is an error. */
function joinLabels(
  papers: readonly IngestedPaper[],
  labels: readonly { title: string; core: string[]; borderline: string[] }[],
  file: string,
): LabelledPaper[] {
  const byTitle = new Map(labels.map((label) => [label.title, label]));
  const unlabelled = papers.filter((paper) => !byTitle.has(paper.title)).map((paper) => paper.title);
  if (unlabelled.length > 0) throw new Error(`${file}: no label for ${JSON.stringify(unlabelled)}`);
  const titles = new Set(papers.map((paper) => paper.title));
  const orphans = labels.filter((label) => !titles.has(label.title)).map((label) => label.title);
  if (orphans.length > 0) throw new Error(`${file}: labels without a paper: ${JSON.stringify(orphans)}`);
  return papers.map((paper) => {
    const { core, borderline } = byTitle.get(paper.title)!;
    return { ...paper, core, borderline };
  });
}

/** The seed papers with their labels: every seed label is core, and `other` is labelled explicitly. */
export function seedPapers(): LabelledPaper[] {
  const labels = readJson<{ title: string; themes: string[] }[]>(SEED_LABELS);
  return joinLabels(
    ingestFolder(SEED_DIR),
    labels.map(({ title, themes }) => ({ title, core: themes, borderline: [] })),
    SEED_LABELS,
  );
}

/**
 * Papers of a folder of dumps with reconciled labels (`labels.json`: core and borderline themes)
 * beside them. A paper with no core theme is `other`, for certain when it has no borderline theme
 * either, and either way otherwise.
 */
function reconciledPapers(dir: string): LabelledPaper[] {
  const file = join(dir, 'labels.json');
  const labels = readJson<{ title: string; core: string[]; borderline: string[] }[]>(file).map((label) => {
    if (label.core.length > 0) return label;
    if (label.borderline.length === 0) return { ...label, core: [OTHER_THEME.id] };
    return { ...label, borderline: [...label.borderline, OTHER_THEME.id] };
  });
  return joinLabels(ingestFolder(dir), labels, file);
}

/** Unseen papers a rule was tuned on, moved out of the unseen set: they count with the seeds. */
export const tuningPapers = (): LabelledPaper[] => reconciledPapers(TUNING_DIR);

/** Papers no rule was tuned on. */
export const unseenPapers = (): LabelledPaper[] => reconciledPapers(UNSEEN_DIR);

export interface ThemeQuality {
  id: string;
  precision: number;
  recall: number;
  /** Papers labelled core for the theme (borderline ones left out). */
  positives: number;
  /** Titles put in the theme but labelled neither core nor borderline. */
  falsePositives: string[];
  /** Titles labelled core but not put in the theme. */
  falseNegatives: string[];
}

/**
 * Precision and recall of one theme: core labels are positives; a paper borderline for the theme
 * is left out of both (either answer is accepted). With nothing predicted, or nothing to find, the
 * figure is 1: there is no wrong paper on the page, or no paper missing from it.
 */
export function themeQuality(id: string, papers: readonly LabelledPaper[]): ThemeQuality {
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  let truePositives = 0;
  for (const paper of papers) {
    if (paper.borderline.includes(id)) continue;
    const expected = paper.core.includes(id);
    const actual = paper.themes.includes(id);
    if (expected && actual) truePositives++;
    else if (actual) falsePositives.push(paper.title);
    else if (expected) falseNegatives.push(paper.title);
  }
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
  return {
    id,
    precision: ratio(truePositives, truePositives + falsePositives.length),
    recall: ratio(truePositives, truePositives + falseNegatives.length),
    positives: truePositives + falseNegatives.length,
    falsePositives,
    falseNegatives,
  };
}
