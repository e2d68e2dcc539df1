/**
 * The I/O half of ingest, as `npm run ingest` runs it: reads a project's dumps and overrides, runs
 * the pure pipeline (src/lib/ingest), and replaces content/papers with the pages and their search
 * records. The tests call this too, so they run the CLI's own path.
 */
import { writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { preparePages, summarize, type IngestSummary, type SourceFile } from '../../src/lib/ingest/pipeline.ts';
import { progressReporter } from '../../src/lib/progress.ts';
import { SEARCH_RECORDS_FILE } from '../../src/lib/search/records.ts';
import type { ThemeDefinition } from '../../src/lib/themes.ts';
import { startPageWriters } from './render-in-parallel.ts';
import { replaceDirectory } from './replace-directory.ts';

export interface IngestRun {
  summary: IngestSummary;
  /** Milliseconds per step, for the summary. */
  steps: Record<string, number>;
}

/** Every `.txt` dump in `folder`, in file-name order; none is an error. */
export async function readSources(folder: string): Promise<SourceFile[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no .txt dumps in ${folder}`);
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })));
}

/** The curators' corrections as text; undefined when there is no file (any other failure to read it is an error). */
async function readOverrides(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Ingests the project at `root`: its content/sources/*.txt and content/overrides.json (no
 * corrections when it is missing), classified into `themes`, become content/papers, replaced
 * as a whole. Throws a SourceError or OverridesError on bad input, leaving content/papers as it was.
 */
export async function ingestProject(root: string, themes: readonly ThemeDefinition[]): Promise<IngestRun> {
  const sources = await readSources(join(root, 'content/sources'));
  const writers = startPageWriters(sources.reduce((sum, source) => sum + source.bytes.length, 0));
  const overridesText = await readOverrides(join(root, 'content/overrides.json'));
  const steps: Record<string, number> = {};
  let lap = performance.now();
  const step = (name: string): void => {
    steps[name] = performance.now() - lap;
    lap = performance.now();
  };
  const parsed = progressReporter('ingest', 'parsed dumps', 10);
  const { jobs, entriesRead } = preparePages(sources, {
    themes,
    ...(overridesText === undefined ? {} : { overridesText }),
    onDumpParsed: (done, total, entries) => parsed(done, total, `${entries.toLocaleString('en')} entries`),
  });
  step('parse and merge');
  const summary = await replaceDirectory(join(root, 'content/papers'), async (staging) => {
    const outlines = await writers.write(jobs, themes, staging, progressReporter('ingest', 'wrote pages', 1000));
    const { searchRecords, summary } = summarize(outlines, entriesRead);
    // The search records go with the pages they describe, so both are replaced together.
    writeFileSync(join(staging, SEARCH_RECORDS_FILE), `${JSON.stringify(searchRecords)}\n`);
    return summary;
  });
  step('classify, render and write');
  return { summary, steps };
}
