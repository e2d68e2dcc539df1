/**
 * Preloaded into a build by tests/build/killed-build.test.ts (NODE_OPTIONS=--import): stops the build
 * at an exact moment of putting its site in place (src/integrations/atomic-output.ts), prints
 * PAUSED_LINE and waits there, so the test can kill it at that moment rather than at a guess.
 * PAPERSHELF_TEST_PAUSE says when: `before-swap` (every file written, dist/ not yet touched) or
 * `between-renames` (dist/ moved aside, the new site not yet in its place).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

export const PAUSED_LINE = 'papershelf-test: build paused';
const PAUSE_MS = 120_000;

const when = process.env['PAPERSHELF_TEST_PAUSE'];
const rename = fs.renameSync;

function pause(): void {
  // Written at once (stderr to a pipe is synchronous), then this thread waits: nothing more happens.
  process.stderr.write(`\n${PAUSED_LINE}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
}

if (when === 'before-swap' || when === 'between-renames') {
  fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    const [source, target] = [String(from), String(to)];
    // The first of the two renames: dist/ aside (or, without a previous site, the new one in place).
    if (when === 'before-swap' && (/\.dist-previous-\d+$/u.test(target) || /\.dist-staging-\d+$/u.test(source))) pause();
    rename(from, to);
    if (when === 'between-renames' && /\.dist-previous-\d+$/u.test(target)) pause();
  };
  // ES modules that import renameSync from node:fs see the replacement too.
  syncBuiltinESMExports();
}
