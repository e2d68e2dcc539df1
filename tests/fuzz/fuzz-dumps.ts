/**
 * `npm run fuzz`: ingests mutated copies of the seed dumps and fails on anything but pages or a
 * one-line refusal, or on a case over the time limit (fuzz.ts). Options: `--cases N` (1,000),
 * `--seed S` (1; case k uses seed S + k, so a failure can be replayed with `--seed <its seed>
 * --cases 1`), `--cli N` (how many also go through the CLI, 10).
 */
import { parseArgs } from 'node:util';
import { runFuzz } from './fuzz.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    cli: { type: 'string', default: '10' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
const started = performance.now();
const report = await runFuzz({
  cases,
  seed,
  cliCases: Number(values.cli),
  limitMs: 20_000,
  onProgress: (done) => {
    if (done % 100 === 0 || done === cases) console.log(`fuzz: ${done} of ${cases} cases`);
  },
});

console.log(
  `fuzz: ${report.cases} cases from seed ${seed} in ${Math.round((performance.now() - started) / 1000)} s: ${report.written} written, ${report.refused} refused, ${report.failures.length} failed; slowest case ${Math.round(report.slowestMs)} ms`,
);
console.log('refusals:');
for (const [reason, count] of [...report.reasons].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(count).padStart(5)}  ${reason}`);
for (const failure of report.failures) {
  console.error(`\nFAILED: case ${failure.seed} (npm run fuzz -- --seed ${failure.seed} --cases 1)`);
  console.error(failure.steps.map((step) => `  ${step}`).join('\n'));
  console.error(failure.problem);
}
process.exitCode = report.failures.length > 0 ? 1 : 0;
