import { join } from 'node:path';
import { REPO } from './workspace.ts';

/** Builds made once per test run by tests/global-setup.ts. */
export const BUILD_ROOT = join(REPO, '.test-builds');
/** The site as `npm run build` makes it, at the root of a host. */
export const SITE_BUILD = join(BUILD_ROOT, 'site');
/** A second build of the same sources, to check that builds are byte-identical. */
export const SITE_BUILD_AGAIN = join(BUILD_ROOT, 'site-again');
/** The site hosted under a sub-path at a domain. */
export const SUBPATH_BUILD = join(BUILD_ROOT, 'subpath');
export const SUBPATH_BASE = '/reading-list/';
export const SUBPATH_SITE = 'https://papers.example.org';
/** The site built with offline reading turned off (PAPERSHELF_OFFLINE=off): no service worker. */
export const OFFLINE_OFF_BUILD = join(BUILD_ROOT, 'offline-off');
