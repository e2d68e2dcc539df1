import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    // Browser tests wait for pages and the search index; a second is too short on a busy 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 300_000,
    // Each worker runs its files one after another in one process that keeps the modules it loaded,
    // rather than a fresh process importing the same modules again for every file. No test mocks a
    // module or changes state another file reads.
    isolate: false,
    // Two files at a time: Vitest's default is one fewer than the cores, which is one on the 2-core
    // machines this runs on, and a file rarely keeps both cores busy by itself.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
