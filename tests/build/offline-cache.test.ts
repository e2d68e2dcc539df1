import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellPaths, siteVersion, workerFor } from '../../src/integrations/offline-cache.ts';
import { siteDigests } from '../../src/integrations/site-digests.ts';
import { SEEDS_BUILD, SITE_BUILD, SITE_BUILD_AGAIN, SUBPATH_BUILD } from '../helpers/site-builds.ts';
import { htmlFiles, readPapersJson } from '../helpers/site-files.ts';

const workerOf = (dir: string) => readFileSync(join(dir, 'sw.js'), 'utf8');
/** The `data-…` attribute Base.astro puts on <html> for the worker, if any. */
const htmlAttribute = (dir: string, file: string, name: string) =>
  new RegExp(`<html[^>]* ${name}="([^"]*)"`, 'u').exec(readFileSync(join(dir, file), 'utf8'))?.[1];

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-offline-'));
  cpSync(SITE_BUILD, dir, { recursive: true });
  return dir;
}

describe('the offline service worker in the build', () => {
  it('is written at the site root last, so its version covers every other file', async () => {
    for (const dir of [SITE_BUILD, SUBPATH_BUILD]) {
      expect(workerOf(dir), dir).toBe(await workerFor(dir));
      // It names the search index, which it fetches again on a deploy for a reader who has searched.
      expect(workerOf(dir)).toContain('"pagefind/pagefind-entry.json"');
    }
  });

  it('has one version for the same sources and another when a file changes', () => {
    expect(workerOf(SITE_BUILD_AGAIN)).toBe(workerOf(SITE_BUILD));
    expect(siteVersion(SUBPATH_BUILD, '')).not.toBe(siteVersion(SITE_BUILD, ''));
    const copy = scratchCopy();
    try {
      expect(siteVersion(copy, '')).toBe(siteVersion(SITE_BUILD, ''));
      writeFileSync(join(copy, 'about/index.html'), `${readFileSync(join(copy, 'about/index.html'), 'utf8')} `);
      expect(siteVersion(copy, '')).not.toBe(siteVersion(SITE_BUILD, ''));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('reuses digests taken earlier in the build only for files unchanged since', () => {
    const copy = scratchCopy();
    try {
      const early = siteDigests(copy);
      expect(early.size).toBeGreaterThan(50);
      expect(siteVersion(copy, '', early)).toBe(siteVersion(SITE_BUILD, ''));
      // What an integration does after the pages are written: rewrite a file, add one.
      writeFileSync(join(copy, 'styles/site.css'), `${readFileSync(join(copy, 'styles/site.css'), 'utf8')}\n`);
      writeFileSync(join(copy, 'sitemap-extra.xml'), '<urlset/>');
      expect(siteVersion(copy, '', early)).toBe(siteVersion(copy, ''));
      expect(siteVersion(copy, '', early)).not.toBe(siteVersion(SITE_BUILD, ''));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('precaches the shell, with the Saved page when the site has one, and fails the build without a shell page', () => {
    const filesIn = (folder: string) =>
      readdirSync(join(SITE_BUILD, folder))
        .sort()
        .map((name) => `${folder}/${name}`);
    // Every stylesheet and script a page may load, so pages opened offline are styled and work;
    // not the engine for search from disk, which only runs from file://, where no worker does.
    const assets = [...filesIn('styles'), ...filesIn('scripts')].filter((file) => file !== 'scripts/disk-search.js');
    expect(assets).toEqual(expect.arrayContaining(['styles/site.css', 'scripts/search.js', 'scripts/site.js']));
    expect(shellPaths(SITE_BUILD)).toEqual([
      '',
      'themes/',
      'papers/',
      'search/',
      'about/',
      'offline/',
      'saved/',
      '404.html',
      'favicon.svg',
      ...assets,
    ]);
    const copy = scratchCopy();
    try {
      rmSync(join(copy, 'saved'), { recursive: true });
      expect(shellPaths(copy)).not.toContain('saved/');
      rmSync(join(copy, 'about'), { recursive: true });
      expect(() => shellPaths(copy)).toThrow('the built site has no about/index.html');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('points every page at the worker at the site root', () => {
    const wrong = htmlFiles(SITE_BUILD).filter((file) => {
      const worker = htmlAttribute(SITE_BUILD, file, 'data-sw');
      // The 404 and offline pages are served at any address and resolve links from the root, by their <base>.
      const from = file === '404.html' || file === 'offline/index.html' ? '' : dirname(file);
      return worker === undefined || posix.join(from, worker) !== 'sw.js';
    });
    expect(wrong).toEqual([]);
    expect(readFileSync(join(SITE_BUILD, 'sitemap-0.xml'), 'utf8')).not.toContain('/offline/');
  });

  it('writes no worker and no offline page with offline reading off, and its pages register none', () => {
    expect(existsSync(join(SEEDS_BUILD, 'sw.js'))).toBe(false);
    expect(existsSync(join(SEEDS_BUILD, 'offline'))).toBe(false);
    const pages = htmlFiles(SEEDS_BUILD);
    // Every kind of page of the site but the offline page (the pages of papers and themes are the seeds' own).
    const pageKinds = (files: string[]) => files.filter((file) => !/^(?:papers|themes)\/.+\//u.test(file));
    expect(pageKinds(pages)).toEqual(pageKinds(htmlFiles(SITE_BUILD)).filter((file) => file !== 'offline/index.html'));
    expect(pages.length).toBeGreaterThan(readPapersJson(SEEDS_BUILD).length);
    expect(pages.filter((file) => htmlAttribute(SEEDS_BUILD, file, 'data-sw') !== undefined)).toEqual([]);
    // They name the worker only to remove one an earlier build installed.
    expect(pages.filter((file) => htmlAttribute(SEEDS_BUILD, file, 'data-sw-off') === undefined)).toEqual([]);
  });
});
