import { join } from 'node:path';
import { REPO } from '../../scripts/lib/project-copy.ts';

/**
 * The fixture site the build and browser tests run on: about twenty real papers from the seeds,
 * covering every theme page, dates with and without a year, upvotes and authors on some papers only,
 * a paper listed in two dumps, and the hostile dump. Built once per test run by tests/global-setup.ts.
 */
export const FIXTURE_SOURCES = [
  ...['001_march.txt', '002_september.txt'].map((name) => join(REPO, 'tests/fixtures/site/sources', name)),
  join(REPO, 'tests/fixtures/hostile/hostile.txt'),
];

export const BUILD_ROOT = join(REPO, '.test-builds');
/** The project copy the fixture site is built in: its content/papers is what ingest wrote. */
export const FIXTURE_PROJECT = join(BUILD_ROOT, 'project');
/** The pages and search records ingest wrote for the fixture site. */
export const FIXTURE_PAPERS = join(FIXTURE_PROJECT, 'content/papers');
/** The site as `npm run ingest && astro build` makes it, at the root of a host. */
export const SITE_BUILD = join(BUILD_ROOT, 'site');
/** The same sources built by `npm run build`: the two must be byte-identical. */
export const SITE_BUILD_AGAIN = join(BUILD_ROOT, 'site-again');
/** The site hosted under a sub-path at a domain. */
export const SUBPATH_BUILD = join(BUILD_ROOT, 'subpath');
export const SUBPATH_BASE = '/reading-list/';
export const SUBPATH_SITE = 'https://papers.example.org';
/**
 * The seed dumps (content/sources, the real reading list) built with offline reading turned off
 * (PAPERSHELF_OFFLINE=off): search quality on real papers, and a site without a service worker.
 */
export const SEEDS_BUILD = join(BUILD_ROOT, 'seeds-offline-off');

/**
 * A reading list of a few hundred synthetic papers (bench/synthetic-dumps.ts), built by `npm run
 * build`: lists several pages long, feeds shorter than the list, every page's weight at scale.
 */
export const PAGED_BUILD = join(BUILD_ROOT, 'paged');
export const PAGED_PAPERS = 400;

/** Variables the test runner sets (NODE_ENV=test, VITEST…) and the build settings a shell may carry. */
const NOT_PASSED_ON = /^(?:NODE_ENV|TEST|VITEST(?:_.*)?|OUT_DIR|SITE|BASE|PAPERSHELF_OFFLINE)$/u;

/**
 * The environment for a build or server the tests start: as from a plain shell, with `settings` on
 * top, and Astro's telemetry off so that tests never reach for the network.
 */
export function buildEnv(settings: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_PASSED_ON.test(name)));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...settings };
}
