import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { build, transform, type BuildOptions } from 'esbuild';

const CLIENT_DIR = resolve('src/client');
/** Where the scripts are served, inside the site. */
export const SCRIPTS_PATH = 'scripts/';
/**
 * The stylesheets: the site's own and those of what only some pages have (lists, the theme chart,
 * search). Served as written by the dev server, minified in the build (a paper page's weight is
 * budgeted, and CSS is a third of it).
 */
const STYLES_DIR = 'styles/';

/** A file of the built site: its path from the site's root, and its text. */
interface OutputFile {
  path: string;
  text: string;
}

async function minifyStylesheets(): Promise<OutputFile[]> {
  const names = readdirSync(resolve('public', STYLES_DIR)).filter((file) => file.endsWith('.css'));
  return Promise.all(
    names.map(async (name) => {
      const css = readFileSync(resolve('public', STYLES_DIR, name), 'utf8');
      const { code } = await transform(css, { loader: 'css', minify: true, legalComments: 'none' });
      return { path: `${STYLES_DIR}${name}`, text: code };
    }),
  );
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

async function compileScripts(): Promise<OutputFile[]> {
  const { outputFiles } = await build({ ...CLASSIC_SCRIPT, entryPoints: entryPoints(), outdir: SCRIPTS_PATH, write: false });
  return outputFiles.map((file) => ({ path: `${SCRIPTS_PATH}${basename(file.path)}`, text: file.text }));
}

/**
 * Compiles the TypeScript in src/client/ to classic scripts under /scripts/, and minifies the
 * stylesheets: written into the build output, and served from memory by the dev server.
 */
export function clientScripts(): AstroIntegration {
  let base = '/';
  let output: Promise<OutputFile[][]> | undefined;
  return {
    name: 'papershelf:client-scripts',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            plugins: [
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
      'astro:build:start': () => {
        // Compiled by esbuild's own process while Astro bundles and renders; written once the site is.
        output = Promise.all([minifyStylesheets(), compileScripts()]);
        // Awaited in astro:build:done; this keeps a failure before then from going unhandled.
        output.catch(() => undefined);
      },
      'astro:build:done': async ({ dir }) => {
        mkdirSync(new URL(SCRIPTS_PATH, dir), { recursive: true });
        for (const file of (await output!).flat()) writeFileSync(new URL(file.path, dir), file.text);
      },
    },
  };
}
