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
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
