import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { afterIngest, afterSearchIndex } from '../../src/lib/build-gates.ts';

const countingLoader = (): Loader & { loads: number } => {
  const loader = {
    name: 'counting',
    loads: 0,
    load: async () => {
      loader.loads += 1;
    },
  };
  return loader;
};
const context = {} as LoaderContext;

describe('the gates between the build steps', () => {
  it('is the loader itself when no build is waiting for ingest', () => {
    const loader = countingLoader();
    expect(afterIngest(loader, undefined)).toBe(loader);
  });

  it('reads the pages only once ingest has said it is done', async () => {
    const doneFile = join(mkdtempSync(join(tmpdir(), 'papershelf-after-ingest-')), 'ingested');
    const loader = countingLoader();
    const loading = afterIngest(loader, doneFile).load(context);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(loader.loads).toBe(0);
    writeFileSync(doneFile, '');
    await loading;
    expect(loader.loads).toBe(1);
  });

  it('lets the pages render only once Pagefind is done, when the build says it is indexing', async () => {
    await afterSearchIndex(undefined);
    const doneFile = join(mkdtempSync(join(tmpdir(), 'papershelf-search-indexed-')), 'indexed');
    let rendering = false;
    const waiting = afterSearchIndex(doneFile).then(() => {
      rendering = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(rendering).toBe(false);
    writeFileSync(doneFile, '');
    await waiting;
    expect(rendering).toBe(true);
  });
});
