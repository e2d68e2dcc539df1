/**
 * Runs one hostile case through ingest's pure stages in a worker thread, so that the thread that
 * started it can stop a case that runs too long (a synchronous loop cannot be interrupted from
 * its own thread). See CaseRunner in run-case.ts.
 */
import { parentPort } from 'node:worker_threads';
import { compileThemes } from '../../src/lib/ingest/classify.ts';
import { ingest, renderPages } from '../../src/lib/ingest/pipeline.ts';
import { InputError } from '../../src/lib/ingest/source-error.ts';
import { THEMES } from '../../src/lib/themes.ts';
import type { CaseOutcome, CaseTask } from './run-case.ts';

const compiled = compileThemes(THEMES);
/** A refusal as ingest reports bad input: one line, `<file>:<line>: <reason>`. */
const REFUSAL = /^content\/(?:sources\/[^\n:]+|overrides\.json):\d+: [^\n]+$/u;

function run(task: CaseTask): void {
  if (task.kind === 'render') {
    const paper = {
      key: 'case',
      title: task.title,
      abstract: task.abstract,
      authors: null,
      published: null,
      publishedText: null,
      upvotes: null,
      sources: [{ file: 'case.txt', line: 1, listed: null }],
    };
    renderPages([{ slug: 'case', paper, override: undefined }], compiled);
  } else {
    ingest(task.sources, { themes: THEMES, ...(task.overridesText === undefined ? {} : { overridesText: task.overridesText }) });
  }
}

parentPort!.on('message', (task: CaseTask) => {
  const started = performance.now();
  let outcome: CaseOutcome;
  try {
    run(task);
    outcome = { status: 'ok', ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    const refusal = error instanceof InputError && REFUSAL.test(error.message);
    outcome = refusal
      ? { status: 'refused', message: error.message, ms }
      : { status: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error), ms };
  }
  parentPort!.postMessage(outcome);
});
