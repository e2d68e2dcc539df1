import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, buildSync, transformSync, type BuildOptions } from 'esbuild';

const CLIENT_DIR = resolve('src/client');
/** Where the scripts are served, inside the site. */
export const SCRIPTS_PATH = 'scripts/';
/** The one stylesheet: served as written by the dev server, minified in the build. */
const STYLESHEET = 'styles/site.css';

/** The stylesheet minified (a paper page's weight is budgeted, and CSS is a third of it). */
export function minifiedStylesheet(): string {
  return transformSync(readFileSync(resolve('public', STYLESHEET), 'utf8'), {
    loader: 'css',
    minify: true,
    legalComments: 'none',
  }).code;
}

function entryPoints(): string[] {
  return readdirSync(CLIENT_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(CLIENT_DIR, name));
}

/**
 * Classic scripts, not modules: a browser runs classic scripts from file://, but refuses module
 * scripts there. Each entry in src/client/ becomes one self-contained, minified file.
 */
export const CLASSIC_SCRIPT: BuildOptions = {
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
};

/** One client script compiled in memory, for a page that must inline it (the 404 page). */
function compileClientScript(name: string): string {
  const result = buildSync({ ...CLASSIC_SCRIPT, entryPoints: [join(CLIENT_DIR, `${name}.ts`)], write: false });
  return result.outputFiles[0]!.text;
}

/** What the 404 page inlines, as a virtual module (src/virtual.d.ts): pages never import the bundler. */
const INLINE_ASSETS_MODULE = 'virtual:papershelf/inline-assets';

function inlineAssetsModule(): string {
  const assets = {
    css: minifiedStylesheet(),
    script: compileClientScript('site'),
    icon: `data:image/svg+xml,${encodeURIComponent(readFileSync(resolve('public/favicon.svg'), 'utf8'))}`,
  };
  return `export default ${JSON.stringify(assets)};`;
}

/**
 * Compiles the TypeScript in src/client/ to classic scripts under /scripts/ (and minifies the stylesheet): written into the
 * build output, and served from memory by the dev server.
 */
export function clientScripts(): AstroIntegration {
  let base = '/';
  return {
    name: 'papershelf:client-scripts',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'papershelf:inline-assets',
                resolveId: (id) => (id === INLINE_ASSETS_MODULE ? `\0${INLINE_ASSETS_MODULE}` : undefined),
                load: (id) => (id === `\0${INLINE_ASSETS_MODULE}` ? inlineAssetsModule() : undefined),
              },
              {
                name: 'papershelf:serve-client-scripts',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const prefix = `${base}${SCRIPTS_PATH}`;
                    const url = request.url?.split('?')[0] ?? '';
                    if (!url.startsWith(prefix) || !url.endsWith('.js')) return next();
                    const entry = join(CLIENT_DIR, `${url.slice(prefix.length, -'.js'.length)}.ts`);
                    build({ ...CLASSIC_SCRIPT, entryPoints: [entry], write: false })
                      .then((result) => {
                        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                        response.end(result.outputFiles?.[0]?.text ?? '');
                      })
                      .catch(next);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        writeFileSync(new URL(STYLESHEET, dir), minifiedStylesheet());
        await build({ ...CLASSIC_SCRIPT, entryPoints: entryPoints(), outdir: fileURLToPath(new URL(SCRIPTS_PATH, dir)) });
      },
    },
  };
}
