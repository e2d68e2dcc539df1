import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticDumps } from '../../bench/synthetic-dumps.ts';
import { ingest, preparePages, summarize } from '../../src/lib/ingest/pipeline.ts';
import { PARALLEL_THRESHOLD, startPageWriters } from '../../src/lib/ingest/render-in-parallel.ts';

describe('rendering and writing pages on several cores', () => {
  it('writes exactly the pages that one thread renders, and reports every page written', async () => {
    const sources = syntheticDumps(PARALLEL_THRESHOLD + 200).map((dump) => ({
      name: dump.name,
      bytes: new TextEncoder().encode(dump.text),
    }));
    const single = ingest(sources);
    const { jobs, entriesRead } = preparePages(sources);
    const folder = mkdtempSync(join(tmpdir(), 'papershelf-parallel-'));
    try {
      const progress: number[] = [];
      const outlines = await startPageWriters(0).write(jobs, folder, (done) => progress.push(done));
      const parallel = summarize(outlines, entriesRead);
      expect(parallel.summary).toEqual(single.summary);
      expect(parallel.searchRecords).toEqual(single.searchRecords);
      expect(outlines.map((page) => page.name).sort()).toEqual([...single.pages.keys()].sort());
      for (const [name, content] of single.pages) expect(readFileSync(join(folder, name), 'utf8'), name).toBe(content);
      expect(progress.at(-1)).toBe(jobs.length);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
