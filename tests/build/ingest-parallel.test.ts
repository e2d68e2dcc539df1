import { describe, expect, it } from 'vitest';
import { syntheticDumps } from '../../bench/synthetic-dumps.ts';
import { collectResult, ingest, preparePages } from '../../src/lib/ingest/pipeline.ts';
import { PARALLEL_THRESHOLD, renderInParallel } from '../../src/lib/ingest/render-in-parallel.ts';

describe('rendering pages on several cores', () => {
  it('gives exactly the pages that one thread gives', async () => {
    const sources = syntheticDumps(PARALLEL_THRESHOLD + 200).map((dump) => ({
      name: dump.name,
      bytes: new TextEncoder().encode(dump.text),
    }));
    const single = ingest(sources);
    const { jobs, entriesRead } = preparePages(sources);
    const parallel = collectResult(await renderInParallel(jobs), entriesRead);
    expect(parallel.summary).toEqual(single.summary);
    expect([...parallel.pages.keys()]).toEqual([...single.pages.keys()]);
    expect(parallel.pages).toEqual(single.pages);
  });
});
