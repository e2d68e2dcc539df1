import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isRunning } from '../lib/process.ts';

/**
 * Puts back a site that a killed build had moved aside, and removes the staging folders of builds
 * that are no longer running.
 */
function cleanUpAfterKilledBuilds(outDir: string): void {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const match = name.startsWith(prefix) ? /^(staging|previous)-(\d+)$/u.exec(name.slice(prefix.length)) : null;
    if (!match || isRunning(Number(match[2]))) continue;
    const folder = join(parent, name);
    if (match[1] === 'previous' && !existsSync(outDir)) renameSync(folder, outDir);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Builds the site into a staging folder beside the output folder (`.dist-staging-<pid>`) and puts
 * it in the output folder's place only once every integration before this one has written its
 * files: a build that fails or is killed leaves the previous site complete. Must come last.
 */
export function atomicOutput(): AstroIntegration {
  let outDir = '';
  let staging = '';
  return {
    name: 'papershelf:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/\/$/u, '');
        cleanUpAfterKilledBuilds(outDir);
        staging = join(dirname(outDir), `.${basename(outDir)}-staging-${process.pid}`);
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (fileURLToPath(dir).replace(/\/$/u, '') !== staging)
          throw new Error(`the site was built into ${fileURLToPath(dir)}, not ${staging}`);
        const previous = join(dirname(outDir), `.${basename(outDir)}-previous-${process.pid}`);
        // Two renames: a build killed between them is put right by the next one (cleanUpAfterKilledBuilds).
        if (existsSync(outDir)) renameSync(outDir, previous);
        renameSync(staging, outDir);
        rmSync(previous, { recursive: true, force: true });
        logger.info(`the site is in ${outDir}`);
      },
    },
  };
}
