/**
 * `npm run ingest`: reads every dump in content/sources, writes one Markdown page per paper to
 * content/papers (with the papers' search records beside them), and prints a summary. On bad input it prints `content/sources/<file>:<line>: …`,
 * exits with code 1 and leaves content/papers as it was.
 */
import { writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { preparePages, summarize, type IngestSummary } from '../src/lib/ingest/pipeline.ts';
import { startPageWriters } from '../src/lib/ingest/render-in-parallel.ts';
import { OverridesError } from '../src/lib/ingest/overrides.ts';
import { SourceError } from '../src/lib/ingest/source-error.ts';
import { replaceDirectory } from '../src/lib/ingest/write-pages.ts';
import { progressReporter } from '../src/lib/progress.ts';
import { SEARCH_RECORDS_FILE } from '../src/lib/search/records.ts';
import { themes } from '../content/themes.ts';
import { OTHER_THEME } from '../src/lib/themes.ts';

const root = process.env.PAPERSHELF_ROOT ?? process.cwd();
const sourcesDir = join(root, 'content/sources');
const papersDir = join(root, 'content/papers');
const overridesPath = join(root, 'content/overrides.json');

function formatSummary(summary: IngestSummary, milliseconds: number, steps: Record<string, number>): string {
  const share = (count: number): string => `${((100 * count) / summary.papersWritten).toFixed(1)} %`;
  const themeLines = [...themes, OTHER_THEME].map(
    (theme) => `  ${theme.name.padEnd(26)} ${String(summary.papersPerTheme[theme.id] ?? 0).padStart(5)}`,
  );
  return [
    `ingest: ${summary.entriesRead} entries read, ${summary.papersWritten} papers written, ${summary.duplicatesMerged} duplicates merged`,
    'papers per theme:',
    ...themeLines,
    `papers in other: ${summary.papersInOther} (${share(summary.papersInOther)})`,
    `time: ${Math.round(milliseconds)} ms (${Object.entries(steps)
      .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
      .join(', ')})`,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const names = (await readdir(sourcesDir)).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no .txt dumps in ${sourcesDir}`);
  const sources = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(sourcesDir, name)) })));
  const writers = startPageWriters(sources.reduce((sum, source) => sum + source.bytes.length, 0));
  const overridesText = await readFile(overridesPath, 'utf8').catch(() => '{}');
  const steps: Record<string, number> = {};
  let lap = performance.now();
  const step = (name: string): void => {
    steps[name] = performance.now() - lap;
    lap = performance.now();
  };
  const parsed = progressReporter('ingest', 'parsed dumps', 10);
  const { jobs, entriesRead } = preparePages(sources, {
    overridesText,
    onDumpParsed: (done, total, entries) => parsed(done, total, `${entries.toLocaleString('en')} entries`),
  });
  step('parse and merge');
  const summary = await replaceDirectory(papersDir, async (staging) => {
    const outlines = await writers.write(jobs, staging, progressReporter('ingest', 'wrote pages', 1000));
    const { searchRecords, summary } = summarize(outlines, entriesRead);
    // The search records go with the pages they describe, so both are replaced together.
    writeFileSync(join(staging, SEARCH_RECORDS_FILE), `${JSON.stringify(searchRecords)}\n`);
    return summary;
  });
  step('classify, render and write');
  console.log(formatSummary(summary, performance.now() - started, steps));
}

main().catch((error: unknown) => {
  const known = error instanceof SourceError || error instanceof OverridesError;
  console.error(known ? error.message : error);
  process.exitCode = 1;
});
