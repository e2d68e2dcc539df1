import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { inWorker } from '../../src/lib/in-worker.ts';

const ECHO = new URL('../fixtures/workers/compile-cache-echo.ts', import.meta.url);

describe('inWorker', () => {
  it('answers with what the worker posts back for its input, once the input has come', async () => {
    const answer = await inWorker<{ input: unknown }>(ECHO, Promise.resolve({ folder: 'dist' }));
    expect(answer.input).toEqual({ folder: 'dist' });
  });

  it('rejects with the error of an input that rejects', async () => {
    await expect(inWorker(ECHO, Promise.reject(new Error('the build failed')))).rejects.toThrow('the build failed');
  });

  it('has a worker load its code from the compile cache its process turned on, as Astro and ingest do', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'papershelf-'));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const cache = join(scratch, 'compile-cache');
    // A process of its own: the cache is turned on by a call, as Astro's CLI does, not by the
    // environment, which a worker would inherit anyway.
    const script = [
      "import module from 'node:module';",
      `module.enableCompileCache(${JSON.stringify(cache)});`,
      `const { inWorker } = await import(${JSON.stringify(new URL('../../src/lib/in-worker.ts', import.meta.url).href)});`,
      `const answer = await inWorker(new URL(${JSON.stringify(ECHO.href)}), 'pages');`,
      'console.log(JSON.stringify({ ...answer, processCache: module.getCompileCacheDir() }));',
    ].join('\n');
    const file = join(scratch, 'start-worker.mjs');
    writeFileSync(file, script);
    const env = { ...process.env, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined };
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', env, timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { input: string; cache: string | null; processCache: string };
    expect(answer.input).toBe('pages');
    // Node keeps a folder per version inside the directory it is given, also inside the one a worker
    // is given, the process's own (as Node's documentation has it).
    expect(answer.processCache.startsWith(cache)).toBe(true);
    expect(answer.cache?.startsWith(answer.processCache)).toBe(true);
    // The worker's own code is in it, for the next build to load.
    expect(readdirSync(answer.cache!).length).toBeGreaterThan(0);
  });
});
