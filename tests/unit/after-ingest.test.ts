import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { afterIngest } from '../../src/lib/after-ingest.ts';

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

describe('the papers loader when the build starts Astro beside ingest', () => {
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
});
