import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

const SOURCES = resolve('content/sources');
const OVERRIDES = resolve('content/overrides.json');
const THEMES = resolve('content/themes.json');

/** Runs `scripts/ingest.ts` with the current Node; resolves to its exit code. */
function runIngest(): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/ingest.ts'], { stdio: 'inherit' });
    child.on('close', (code) => done(code ?? 1));
  });
}

/**
 * In `astro dev`, re-runs ingest whenever a dump, the overrides or the theme config changes;
 * the content collection then reloads the pages it wrote. A failed ingest keeps the old pages.
 */
export function ingestOnSourceChange(): AstroIntegration {
  return {
    name: 'papershelf:ingest-on-source-change',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        let running = Promise.resolve();
        server.watcher.add([SOURCES, OVERRIDES, THEMES]);
        const onChange = (path: string): void => {
          const file = resolve(path);
          if (!file.startsWith(SOURCES) && file !== OVERRIDES && file !== THEMES) return;
          running = running.then(async () => {
            logger.info(`${path} changed: ingesting again`);
            const code = await runIngest();
            if (code !== 0) logger.warn('ingest failed; the site keeps the previous pages');
          });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
    },
  };
}
