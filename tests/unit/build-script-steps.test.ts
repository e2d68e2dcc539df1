import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScriptSteps } from '../../src/integrations/build-script-steps.ts';
import { SEARCH_INDEXED_ENV } from '../../src/lib/build-gates.ts';

/** Astro's own prerenderer, as far as the build script's steps see it: it counts what it is asked to do. */
function astroPrerenderer(pages: number): AstroPrerenderer & { setups: number; renders: number } {
  const prerenderer = {
    name: 'astro:default',
    setups: 0,
    renders: 0,
    setup: async () => {
      prerenderer.setups += 1;
    },
    getStaticPaths: async () => Array.from({ length: pages }, (_, index) => ({ pathname: `/papers/${index}/` })) as never,
    render: async () => {
      prerenderer.renders += 1;
      return new Response('<html></html>');
    },
  };
  return prerenderer;
}

/** The prerenderer Astro uses once the integration has wrapped its own. */
function wrapped(fallback: AstroPrerenderer): AstroPrerenderer {
  let chosen: AstroPrerenderer | undefined;
  const hook = buildScriptSteps().hooks['astro:build:start'] as NonNullable<AstroIntegration['hooks']['astro:build:start']>;
  void hook({
    logger: {} as never,
    setPrerenderer: (prerenderer) => {
      chosen = typeof prerenderer === 'function' ? prerenderer(fallback) : prerenderer;
    },
  });
  return chosen!;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the build script steps in Astro', () => {
  it('starts rendering only once Pagefind has finished its index', async () => {
    const indexed = join(mkdtempSync(join(tmpdir(), 'papershelf-steps-')), 'indexed');
    vi.stubEnv(SEARCH_INDEXED_ENV, indexed);
    const astro = astroPrerenderer(10);
    const setup = wrapped(astro).setup!();
    await wait(150);
    expect(astro.setups).toBe(0);
    writeFileSync(indexed, '');
    await setup;
    expect(astro.setups).toBe(1);
  });

  it('renders every page through Astro and reports progress about every tenth', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const astro = astroPrerenderer(2000);
    const prerenderer = wrapped(astro);
    await prerenderer.setup!();
    const paths = await prerenderer.getStaticPaths();
    const bodies = await Promise.all(
      paths.map(async () => (await prerenderer.render(new Request('http://x/'), {} as never)) as Response),
    );
    expect(astro.renders).toBe(2000);
    expect(await bodies[0]!.text()).toBe('<html></html>');
    expect(lines[0]).toBe('astro: rendering 2,000 pages');
    expect(lines.slice(1)).toEqual(
      Array.from({ length: 10 }, (_, tenth) => `astro: rendered pages ${((tenth + 1) * 200).toLocaleString('en')}/2,000`),
    );
  });
});
