import type { AstroIntegration } from 'astro';
import { afterSearchIndex } from '../lib/build-gates.ts';

/**
 * When `npm run build` runs Pagefind beside Astro, Astro bundles and renders only once Pagefind is
 * done, so that their memory peaks do not meet (src/lib/build-gates.ts). Elsewhere it does nothing.
 */
export function searchIndexGate(): AstroIntegration {
  return {
    name: 'papershelf:search-index-gate',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        await afterSearchIndex();
        const waited = performance.now() - started;
        if (waited > 100) logger.info(`waited ${(waited / 1000).toFixed(1)} s for Pagefind to finish its index`);
      },
    },
  };
}
