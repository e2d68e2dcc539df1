import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz.ts';

/**
 * A fixed sample of `npm run fuzz` (which runs 1,000 cases and more on demand): mutated seed dumps
 * through the pure pipeline, two of them through the CLI as well. A failure names the case's seed,
 * which `npm run fuzz -- --seed <seed> --cases 1` replays.
 */
describe('mutated dumps', () => {
  it('are written or refused in one line, each within the time limit', { timeout: 300_000 }, async () => {
    const report = await runFuzz({ cases: 50, seed: 1_000_001, cliCases: 2, limitMs: 20_000 });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(50);
    expect(report.written).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
  });
});
