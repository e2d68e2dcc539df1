/**
 * `npm run ingest`: reads every dump in content/sources, writes one Markdown page per paper to
 * content/papers (with the papers' search records beside them), and prints a summary. On bad input
 * (a dump, content/overrides.json, content/themes.json, a file in content/sources that is not a
 * dump) it prints one line, `<file>:<line>: <reason>` or `<file>: <reason>`, with no stack trace,
 * exits with code 1 and leaves content/papers as it was.
 * PAPERSHELF_ROOT names another project folder to ingest (the tests' scratch copies).
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { IngestSummary } from '../src/lib/ingest/pipeline.ts';
import { InputError } from '../src/lib/ingest/source-error.ts';
import { formatCount, plural } from '../src/lib/text.ts';
import type { ThemeInfo } from '../src/lib/themes.ts';
import { readRegularFile } from './ingest/read-input.ts';

/** The theme file src/lib/themes.ts imports, as messages name it and where it is. */
const THEMES_FILE = 'content/themes.json';
const THEMES_PATH = fileURLToPath(new URL(`../${THEMES_FILE}`, import.meta.url));

/**
 * The themes module, loaded here rather than imported above: it checks content/themes.json as it
 * loads (throwing a ThemeFileError, an InputError), and so does everything that imports it, the
 * pipeline included. The file is read and parsed first, since an import of JSON that is not valid
 * fails with a stack trace, and one of a FIFO waits forever.
 */
async function loadThemes(): Promise<typeof import('../src/lib/themes.ts')> {
  const bytes = await readRegularFile(THEMES_PATH, THEMES_FILE);
  if (bytes === undefined) throw new InputError(`${THEMES_FILE}: no such file`);
  try {
    JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new InputError(`${THEMES_FILE}: not valid JSON (${(error as Error).message})`);
  }
  return import('../src/lib/themes.ts');
}

function formatSummary(
  summary: IngestSummary,
  themes: readonly ThemeInfo[],
  milliseconds: number,
  steps: Record<string, number>,
): string {
  const share = (count: number): string => `${((100 * count) / summary.papersWritten).toFixed(1)} %`;
  const count = (id: string): number => (Object.hasOwn(summary.papersPerTheme, id) ? summary.papersPerTheme[id]! : 0);
  const themeLines = themes.map((theme) => `  ${theme.name.padEnd(26)} ${formatCount(count(theme.id)).padStart(6)}`);
  return [
    `ingest: ${plural(summary.entriesRead, 'entry', 'entries')} read, ${plural(summary.papersWritten, 'paper')} written, ${plural(summary.duplicatesMerged, 'duplicate')} merged`,
    'papers per theme:',
    ...themeLines,
    `papers in ${themes.at(-1)!.id}: ${formatCount(summary.papersInOther)} (${share(summary.papersInOther)})`,
    `time: ${Math.round(milliseconds)} ms (${Object.entries(steps)
      .map(([step, ms]) => `${step} ${Math.round(ms)} ms`)
      .join(', ')})`,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  // As Astro's CLI does: a later run loads the modules imported below from Node's compile cache
  // instead of stripping their types and compiling them again. In CI a build runs once, and
  // writing the cache would only cost.
  if (!process.env['CI']) module.enableCompileCache();
  const { ALL_THEMES, THEMES } = await loadThemes();
  const { ingestProject } = await import('./ingest/ingest-project.ts');
  const { summary, steps } = await ingestProject(process.env['PAPERSHELF_ROOT'] ?? process.cwd(), THEMES);
  console.log(formatSummary(summary, ALL_THEMES, performance.now() - started, steps));
}

main().catch((error: unknown) => {
  console.error(error instanceof InputError ? error.message : error);
  process.exitCode = 1;
});
