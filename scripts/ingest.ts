/**
 * `npm run ingest`: reads every dump in content/sources, writes one Markdown page per paper to
 * content/papers (with the papers' search records beside them), and prints a summary. On bad input
 * it prints `content/sources/<file>:<line>: …`, exits with code 1 and leaves content/papers as it was.
 * PAPERSHELF_ROOT names another project folder to ingest (the tests' scratch copies).
 */
import { performance } from 'node:perf_hooks';
import { OverridesError } from '../src/lib/ingest/overrides.ts';
import type { IngestSummary } from '../src/lib/ingest/pipeline.ts';
import { SourceError } from '../src/lib/ingest/source-error.ts';
import { plural } from '../src/lib/text.ts';
import { ALL_THEMES, OTHER_THEME, THEMES } from '../src/lib/themes.ts';
import { ingestProject } from './ingest/ingest-project.ts';

function formatSummary(summary: IngestSummary, milliseconds: number, steps: Record<string, number>): string {
  const share = (count: number): string => `${((100 * count) / summary.papersWritten).toFixed(1)} %`;
  const themeLines = ALL_THEMES.map(
    (theme) => `  ${theme.name.padEnd(26)} ${String(summary.papersPerTheme[theme.id] ?? 0).padStart(5)}`,
  );
  return [
    `ingest: ${plural(summary.entriesRead, 'entry', 'entries')} read, ${plural(summary.papersWritten, 'paper')} written, ${plural(summary.duplicatesMerged, 'duplicate')} merged`,
    'papers per theme:',
    ...themeLines,
    `papers in ${OTHER_THEME.id}: ${summary.papersInOther} (${share(summary.papersInOther)})`,
    `time: ${Math.round(milliseconds)} ms (${Object.entries(steps)
      .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
      .join(', ')})`,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const { summary, steps } = await ingestProject(process.env['PAPERSHELF_ROOT'] ?? process.cwd(), THEMES);
  console.log(formatSummary(summary, performance.now() - started, steps));
}

main().catch((error: unknown) => {
  const known = error instanceof SourceError || error instanceof OverridesError;
  console.error(known ? error.message : error);
  process.exitCode = 1;
});
