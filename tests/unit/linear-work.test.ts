import { afterAll, describe, expect, it } from 'vitest';
import { PATHOLOGICAL_TEXTS } from '../fuzz/pathological.ts';
import { CaseRunner } from '../fuzz/run-case.ts';

/**
 * Every stage that reads a paper's text (TeX, links, classification, Markdown, front matter) does
 * work in proportion to the text. Texts well beyond the abstract limit go straight to the stage
 * that renders a page, with a time limit only code that rescans the text at every position would
 * reach (such code took 46 s on 200,000 capitals): the limit is a guard, not a speed test.
 */
const LIMIT_MS = 20_000;
const LENGTH = 400_000;
/** Repeated "we propose" sentences were quadratic in the number of sentences, which only shows on longer text. */
const LONGER: Readonly<Record<string, number>> = { 'repeated contribution sentences': 4_000_000 };

describe('work on a paper text grows linearly with it', () => {
  const runner = new CaseRunner();
  afterAll(() => runner.close());

  it.each(Object.entries(PATHOLOGICAL_TEXTS))('%s', async (name, make) => {
    const abstract = make(LONGER[name] ?? LENGTH);
    const outcome = await runner.run({ kind: 'render', title: 'A Hostile Case', abstract }, LIMIT_MS);
    expect(outcome).toMatchObject({ status: 'ok' });
  });
});
