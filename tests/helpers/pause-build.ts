/**
 * Preloaded into a build by tests/build/killed-build.test.ts (NODE_OPTIONS=--import): stops the build
 * at an exact moment of putting its site in place (src/integrations/atomic-output.ts), prints
 * PAUSED_LINE and waits there, so the test can kill it at that moment rather than at a guess.
 * PAPERSHELF_TEST_PAUSE says when: `first-page` (about to write its first page), `rendering`
 * (about to write its fifth paper page), `before-swap` (every file written, dist/ not yet touched)
 * or `between-renames` (dist/ moved aside, the new site not yet in its place). Killing on a line
 * of the build's output instead came too late on a small site: the output arrives in chunks.
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

if (when === 'first-page' || when === 'rendering') {
  // Astro writes each page with fs.promises.writeFile (astro/dist/core/build/generate.js).
  const writeFile = fs.promises.writeFile;
  let paperPages = 0;
  fs.promises.writeFile = ((file, data, options) => {
    const path = String(file);
    if (/\.dist-staging-\d+\/.*\.html$/u.test(path)) {
      if (when === 'first-page') pause();
      else if (/\/papers\/[a-z0-9-]+\/index\.html$/u.test(path) && ++paperPages === 5) pause();
    }
    return writeFile(file, data, options);
  }) as typeof fs.promises.writeFile;
}
