/**
 * The I/O half of ingest, as `npm run ingest` runs it: reads a project's dumps and overrides, runs
 * the pure pipeline (src/lib/ingest), and replaces content/papers with the pages and their search
 * records. The tests call this too, so they run the CLI's own path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OVERRIDES_FILE } from '../../src/lib/ingest/overrides.ts';
import { preparePages, summarize, type IngestSummary } from '../../src/lib/ingest/pipeline.ts';
import { InputError, SOURCES_DIR } from '../../src/lib/ingest/source-error.ts';
import { progressReporter } from '../../src/lib/progress.ts';
import { SEARCH_RECORDS_FILE } from '../../src/lib/search/records.ts';
import { plural } from '../../src/lib/text.ts';
import type { ThemeDefinition } from '../../src/lib/themes.ts';
import { readRegularFile, readSources } from './read-input.ts';
import { startPageWriters } from './render-in-parallel.ts';
import { recoverInterruptedReplacements, replaceDirectory } from './replace-directory.ts';

export { readSources };

export interface IngestRun {
  summary: IngestSummary;
  /** Milliseconds per step, for the summary. */
  steps: Record<string, number>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeOverrides(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`${OVERRIDES_FILE}: invalid UTF-8: the file must be saved as UTF-8 text`);
  }
}

/**
 * Ingests the project at `root`: its content/sources/*.txt and content/overrides.json (no
 * corrections when it is missing), classified into `themes`, become content/papers, replaced
 * as a whole. Throws an InputError on bad input, leaving content/papers as it was (once what a
 * killed run left is cleaned up).
 */
export async function ingestProject(root: string, themes: readonly ThemeDefinition[]): Promise<IngestRun> {
  const papers = join(root, 'content/papers');
  // First, whatever the input: a killed run's pages are put back even when this run refuses its input.
  recoverInterruptedReplacements(papers);
  const sources = await readSources(join(root, SOURCES_DIR));
  const writers = startPageWriters(sources.reduce((sum, source) => sum + source.bytes.length, 0));
  const overridesBytes = await readRegularFile(join(root, OVERRIDES_FILE), OVERRIDES_FILE);
  // No file is no corrections.
  const overridesText = overridesBytes && decodeOverrides(overridesBytes);
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
    onDumpParsed: (done, total, entries) => parsed(done, total, plural(entries, 'entry', 'entries')),
  });
  step('parse and merge');
  const { summary, threads } = await replaceDirectory(papers, async (staging) => {
    const written = await writers.write(jobs, themes, staging, progressReporter('ingest', 'wrote pages', 1000));
    const { searchRecords, summary } = summarize(written.outlines, entriesRead);
    // The search records go with the pages they describe, so both are replaced together.
    writeFileSync(join(staging, SEARCH_RECORDS_FILE), `${JSON.stringify(searchRecords)}\n`);
    return { summary, threads: written.threads };
  });
  step(`classify, render and write on ${plural(threads, 'thread')}`);
  return { summary, steps };
}
