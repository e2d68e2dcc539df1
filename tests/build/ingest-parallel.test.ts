import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticDumps } from '../../bench/synthetic-dumps.ts';
import { PARALLEL_THRESHOLD, startPageWriters } from '../../scripts/ingest/render-in-parallel.ts';
import { ingest, preparePages, summarize } from '../../src/lib/ingest/pipeline.ts';
import { THEMES } from '../../src/lib/themes.ts';
import { dumpText, HEADER } from '../helpers/dump.ts';
import { makeWorkspace, runIngest } from '../helpers/workspace.ts';

describe('rendering and writing pages on several cores', () => {
  it.runIf(availableParallelism() >= 2)(
    'writes exactly the pages that one thread renders, and reports every page written',
    async () => {
      const sources = syntheticDumps(2 * PARALLEL_THRESHOLD).map((dump) => ({
        name: dump.name,
        bytes: new TextEncoder().encode(dump.text),
      }));
      const single = ingest(sources, { themes: THEMES });
      const writers = startPageWriters(sources.reduce((sum, source) => sum + source.bytes.length, 0));
      const { jobs, entriesRead } = preparePages(sources, { themes: THEMES });
      const folder = mkdtempSync(join(tmpdir(), 'papershelf-parallel-'));
      try {
        const progress: number[] = [];
        const { outlines, threads } = await writers.write(jobs, THEMES, folder, (done) => progress.push(done));
        // A helper took a share of the papers: this is the case under test.
        expect(threads).toBeGreaterThan(1);
        const parallel = summarize(outlines, entriesRead);
        expect(parallel.summary).toEqual(single.summary);
        expect(parallel.searchRecords).toEqual(single.searchRecords);
        expect(outlines.map((page) => page.name).sort()).toEqual([...single.pages.keys()].sort());
        for (const [name, content] of single.pages) expect(readFileSync(join(folder, name), 'utf8'), name).toBe(content);
        expect(progress.at(-1)).toBe(jobs.length);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});

describe('ingest of large dumps with a bad entry', () => {
  it('stops with the file and line, though its page workers had started, and writes nothing', () => {
    const root = makeWorkspace([]);
    try {
      // Large enough that ingest starts its helpers before parsing.
      for (const dump of syntheticDumps(2 * PARALLEL_THRESHOLD))
        writeFileSync(join(root, 'content/sources', dump.name), dump.text);
      writeFileSync(join(root, 'content/sources/zzz_bad.txt'), 'new\n\nA Title Without Abstract\n');
      // A waiting worker that kept the process alive would hang it: it would be killed (code -1).
      const failed = runIngest(root, 30_000);
      expect(failed.code).toBe(1);
      expect(failed.stderr.trim().split('\n').at(-1)).toBe(
        'content/sources/zzz_bad.txt:3: the paper "A Title Without Abstract" has no abstract',
      );
      expect(() => readFileSync(join(root, 'content/papers/search-records.json'))).toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('ingest of large dumps with a title that TeX empties', () => {
  it('is refused with the file and line by the worker that renders it, with no stack trace, and writes nothing', () => {
    const root = makeWorkspace([]);
    try {
      for (const dump of syntheticDumps(2 * PARALLEL_THRESHOLD))
        writeFileSync(join(root, 'content/sources', dump.name), dump.text);
      // Sorted last, so a helper renders it: helpers take their shares from the end.
      writeFileSync(join(root, 'content/sources/zzz_tex.txt'), dumpText([{ title: '\\textbf{}', abstract: 'An abstract.' }]));
      const failed = runIngest(root, 60_000);
      expect(failed.code).toBe(1);
      expect(failed.stderr.trim().split('\n').at(-1)).toBe(
        `content/sources/zzz_tex.txt:${HEADER.length + 1}: the title "\\textbf{}" is empty once its TeX is rendered`,
      );
      expect(failed.stderr).not.toMatch(/^\s+at /mu);
      expect(() => readFileSync(join(root, 'content/papers/search-records.json'))).toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
