import type { AstroIntegration } from 'astro';
import { afterSearchIndex } from '../lib/build-gates.ts';
import { progressReporter } from '../lib/progress.ts';

/**
 * What `npm run build` adds to Astro's build (scripts/astro-build.ts registers it), through the step
 * that renders the pages:
 * - Astro renders only once Pagefind, indexing beside it, is done, so that their memory peaks do not
 *   meet (src/lib/build-gates.ts). Astro loads the pages and bundles meanwhile.
 * - It says how far rendering has got, in place of Astro's line per page: at 10,000 papers, printing
 *   those lines took Astro half a second.
 */
export function buildScriptSteps(): AstroIntegration {
  return {
    name: 'papershelf:build-script-steps',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => {
          let rendered = 0;
          let total = 0;
          const report = progressReporter('astro', 'rendered pages', 1000);
          return {
            ...prerenderer,
            setup: async () => {
              const started = performance.now();
              await afterSearchIndex();
              const waited = performance.now() - started;
              if (waited > 100) console.error(`astro: waited ${(waited / 1000).toFixed(1)} s for Pagefind to finish its index`);
              await prerenderer.setup?.();
            },
            getStaticPaths: async () => {
              const paths = await prerenderer.getStaticPaths();
              total = paths.length;
              console.error(`astro: rendering ${total.toLocaleString('en')} pages`);
              return paths;
            },
            render: async (request, options) => {
              const response = await prerenderer.render(request, options);
              report(++rendered, total);
              return response;
            },
          };
        });
      },
    },
  };
}
