import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    // Browser tests wait for pages and the search index; a second is too short on a busy 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 300_000,
    // The files run one after another in one process that keeps the modules it loaded: starting a
    // process and importing the same modules again for each of fifty files was a tenth of the run.
    // No test mocks a module or changes state another file reads.
    isolate: false,
    // Two files at a time: Vitest's default is one fewer than the cores, which is one on the 2-core
    // machines this runs on, and many files wait on Chromium, a server or a child process.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
