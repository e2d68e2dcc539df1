import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectCopy } from '../../scripts/lib/project-copy.ts';
import { readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../../src/lib/search/records.ts';
import { makeWorkspace, readPages, REPO, runIngest, SEEDS, type RunResult } from '../helpers/workspace.ts';

const frontMatter = (page: string) => readPaperPage(page).data;

describe('npm run ingest on the seeds', () => {
  const root = makeWorkspace();
  const first = runIngest(root);
  const pages = readPages(root);

  it('writes one valid page per paper, 224 in all, and prints a summary', () => {
    expect(first.code).toBe(0);
    expect(pages.size).toBe(224);
    for (const page of pages.values()) frontMatter(page);
    expect(first.stdout).toMatch(/279 entries read, 224 papers written, 55 duplicates merged/u);
    expect(first.stdout).toMatch(/Quantization\s+\d+/u);
    expect(first.stdout).toMatch(/papers in other: \d+ \(\d+\.\d %\)/u);
    expect(first.stdout).toMatch(/time: \d+ ms/u);
  });

  it('records every place a merged paper came from', () => {
    const soups = frontMatter(pages.get('robust-weight-signatures-gaining-robustness-as-easy-as-patching-weights.md')!);
    expect(soups.sources.map((source) => source.file)).toEqual([
      '000_3cda47db4064e596.txt',
      '001_d6eefe5445dffbd2.txt',
      '002_1fe2e86243fc70c7.txt',
      '004_95cf84e11ea6b62b.txt',
    ]);
    expect(soups).toMatchObject({ authors: 3, published: '2023-02-24', publishedText: 'Feb 24, 2023' });
  });

  it('keeps a year-less date as text, with no published date', () => {
    const yearless = [...pages.values()].map(frontMatter).filter((data) => data.publishedText === 'Apr 25');
    expect(yearless).toHaveLength(1);
    expect(yearless[0]).toMatchObject({ published: null, upvotes: 2 });
  });

  const recordsFile = join(root, 'content/papers', SEARCH_RECORDS_FILE);
  const recordsText = readFileSync(recordsFile, 'utf8');

  it('writes a search record for every page, with the title, abstract text and theme names', () => {
    const records = JSON.parse(recordsText) as SearchRecord[];
    expect(records.map((record) => `${record.slug}.md`)).toEqual([...pages.keys()]);
    const adanns = records.find((record) => record.slug === 'adanns-a-framework-for-adaptive-semantic-search')!;
    const data = frontMatter(pages.get('adanns-a-framework-for-adaptive-semantic-search.md')!);
    expect(adanns).toMatchObject({ title: data.title, themes: ['Retrieval & ranking'], published: data.published });
    expect(adanns.text).toMatch(
      /^Web-scale search systems learn an encoder .* Code is open-sourced at https:\/\/github\.com\/RAIVNLab\/AdANNS\.$/u,
    );
  });

  it('gives byte-identical pages and search records on a second run', () => {
    expect(runIngest(root).code).toBe(0);
    expect(readPages(root)).toEqual(pages);
    expect(readFileSync(recordsFile, 'utf8')).toBe(recordsText);
  });

  it('leaves the old pages alone when a dump is bad, and names file and line', () => {
    writeFileSync(join(root, 'content/sources/999_bad.txt'), 'new\n\nA Title Without Abstract\n');
    const failed = runIngest(root);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe('content/sources/999_bad.txt:3: the paper "A Title Without Abstract" has no abstract');
    expect(readPages(root)).toEqual(pages);
    rmSync(join(root, 'content/sources/999_bad.txt'));
  });

  it('removes the pages of papers that left the sources', () => {
    rmSync(join(root, 'content/sources/000_3cda47db4064e596.txt'));
    expect(runIngest(root).code).toBe(0);
    const after = readPages(root);
    expect(after.size).toBeLessThan(224);
    expect(after.has('robust-weight-signatures-gaining-robustness-as-easy-as-patching-weights.md')).toBe(true);
    expect([...after.keys()].every((name) => pages.has(name))).toBe(true);
    for (const [name, page] of after)
      expect(
        frontMatter(page).sources.every((source) => source.file !== '000_3cda47db4064e596.txt'),
        name,
      ).toBe(true);
  });
});

describe('npm run ingest on a hostile dump', () => {
  const root = makeWorkspace([join(SEEDS, '001_d6eefe5445dffbd2.txt'), join(REPO, 'tests/fixtures/hostile/hostile.txt')]);
  const result = runIngest(root);
  const pages = [...readPages(root).values()].map((page) => readPaperPage(page));
  const byTitle = (title: string) => pages.find((page) => page.data.title === title);

  it('builds, merging the duplicate of a seed paper', () => {
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/entries read, \d+ papers written, 1 duplicate merged/u);
    const diet = byTitle('Deep Learning on a Data Diet: Finding Important Examples Early in Training')!;
    expect(diet.data.sources.map((source) => source.file)).toEqual(['001_d6eefe5445dffbd2.txt', 'hostile.txt']);
  });

  it('keeps every title literally, script tags, Markdown, emoji and CJK included', () => {
    for (const title of [
      '<script>alert("title")</script> Quantization Attacks',
      '大规模语言模型的量化 🚀',
      'Café Networks: *Emphasis* in a Title',
      'Cafe Networks: Emphasis in a Title?',
    ]) {
      expect(byTitle(title), title).toBeDefined();
    }
  });

  it('gives colliding titles distinct slugs', () => {
    const slugs = [
      byTitle('Café Networks: *Emphasis* in a Title')!.data.slug,
      byTitle('Cafe Networks: Emphasis in a Title?')!.data.slug,
    ];
    expect(new Set(slugs).size).toBe(2);
    expect(slugs.every((slug) => slug.startsWith('cafe-networks-emphasis-in-a-title'))).toBe(true);
  });

  it('reads a year-less leap day with upvotes from the metadata', () => {
    expect(byTitle('<script>alert("title")</script> Quantization Attacks')!.data).toMatchObject({
      authors: 2,
      published: null,
      publishedText: 'Feb 29',
      upvotes: 7,
    });
  });

  it('does not depend on the order of the dumps', () => {
    const reordered = makeWorkspace([join(REPO, 'tests/fixtures/hostile/hostile.txt'), join(SEEDS, '001_d6eefe5445dffbd2.txt')]);
    writeFileSync(
      join(reordered, 'content/sources/000_first.txt'),
      readFileSync(join(REPO, 'tests/fixtures/hostile/hostile.txt')),
    );
    rmSync(join(reordered, 'content/sources/hostile.txt'));
    expect(runIngest(reordered).code).toBe(0);
    const slugsBefore = pages.map((page) => page.data.slug).sort();
    const slugsAfter = [...readPages(reordered).values()].map((page) => frontMatter(page).slug).sort();
    expect(slugsAfter).toEqual(slugsBefore);
  });
});

/** A refusal as a user sees it: exit code 1 and one line on stderr, the expected one, with no stack trace. */
function expectRefusal(result: RunResult, line: string): void {
  expect({ code: result.code, stderr: result.stderr.trim() }).toEqual({ code: 1, stderr: line });
  expect(result.stderr).not.toMatch(/^\s+at /mu);
}

describe('npm run ingest refuses what is not a dump, by name, in one line', () => {
  const root = makeWorkspace([join(SEEDS, '001_d6eefe5445dffbd2.txt')]);
  const sources = join(root, 'content/sources');
  expect(runIngest(root).code).toBe(0);
  const pages = readPages(root);
  const elsewhere = mkdtempSync(join(tmpdir(), 'papershelf-elsewhere-'));
  const secret = join(elsewhere, 'secret.txt');
  writeFileSync(secret, 'A LINE THAT MUST NOT BE SHOWN\n');

  /** Runs ingest with `add` done in content/sources, checks the refusal and that the pages are untouched, then undoes it. */
  function refuses(name: string, add: (path: string) => void, line: string): RunResult {
    const path = join(sources, name);
    add(path);
    try {
      const result = runIngest(root, 30_000);
      expectRefusal(result, line);
      expect(readPages(root)).toEqual(pages);
      return result;
    } finally {
      rmSync(path, { recursive: true, force: true });
    }
  }

  it('a symbolic link, dangling, to a dump beside it, or to a file elsewhere, whose text is never shown', () => {
    const link = 'content/sources/x.txt: not a regular file (a symbolic link)';
    refuses('x.txt', (path) => symlinkSync(join(sources, 'missing.txt'), path), link);
    refuses('x.txt', (path) => symlinkSync(join(sources, '001_d6eefe5445dffbd2.txt'), path), link);
    const result = refuses('x.txt', (path) => symlinkSync(secret, path), link);
    expect(result.stdout + result.stderr).not.toContain('MUST NOT BE SHOWN');
  });

  it('a directory, and a FIFO, which would make ingest wait forever for a writer', () => {
    refuses('x.txt', (path) => mkdirSync(path), 'content/sources/x.txt: not a regular file (a directory)');
    refuses('x.txt', (path) => execFileSync('mkfifo', [path]), 'content/sources/x.txt: not a regular file (a FIFO)');
  });

  it('a socket', async () => {
    const path = join(sources, 'x.txt');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      expectRefusal(runIngest(root, 30_000), 'content/sources/x.txt: not a regular file (a socket)');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a file name with ":" or a control character, which would make "file:line" ambiguous', () => {
    const dump = readFileSync(join(sources, '001_d6eefe5445dffbd2.txt'));
    refuses(
      'a:3.txt',
      (path) => writeFileSync(path, dump),
      'content/sources: the file name "a:3.txt" has ":", which makes "file:line" in messages ambiguous; rename the file',
    );
    refuses(
      'a\nb.txt',
      (path) => writeFileSync(path, dump),
      'content/sources: the file name "a\\u000Ab.txt" has a control character (U+000A), which makes "file:line" in messages ambiguous; rename the file',
    );
    refuses(
      'tab\t.txt',
      (path) => writeFileSync(path, dump),
      'content/sources: the file name "tab\\u0009.txt" has a control character (U+0009), which makes "file:line" in messages ambiguous; rename the file',
    );
  });

  it('no dumps at all, and no content/sources folder', () => {
    const empty = makeWorkspace([]);
    try {
      writeFileSync(join(empty, 'content/sources/notes.md'), 'not a dump\n');
      expectRefusal(runIngest(empty), 'content/sources: no dumps to ingest (no file ending in .txt)');
      rmSync(join(empty, 'content/sources'), { recursive: true });
      expectRefusal(runIngest(empty), 'content/sources: no such folder; save the dumps there as .txt files');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('an overrides file that is not a regular file', () => {
    const overrides = join(root, 'content/overrides.json');
    rmSync(overrides);
    try {
      execFileSync('mkfifo', [overrides]);
      expectRefusal(runIngest(root, 30_000), 'content/overrides.json: not a regular file (a FIFO)');
      expect(readPages(root)).toEqual(pages);
    } finally {
      rmSync(overrides, { force: true });
      writeFileSync(overrides, '{}\n');
    }
  });
});

describe('npm run ingest with a bad content/themes.json', () => {
  // A copy of the project: ingest checks the themes file that sits beside its own code.
  const copy = projectCopy(join(tmpdir(), 'papershelf-themes'));
  const themesFile = join(copy, 'content/themes.json');
  const themes = readFileSync(themesFile, 'utf8');
  writeFileSync(join(copy, 'content/sources/001.txt'), readFileSync(join(SEEDS, '001_d6eefe5445dffbd2.txt')));
  const run = (text: string): RunResult => {
    writeFileSync(themesFile, text);
    const result = spawnSync(process.execPath, [join(copy, 'scripts/ingest.ts')], {
      cwd: copy,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };

  it('stops with the file, the place and the problem, no stack trace, and writes nothing', () => {
    const file = JSON.parse(themes) as { themes: { signals: { weight: unknown }[] }[] };
    file.themes[3]!.signals[0]!.weight = '3';
    const wrongType = run(JSON.stringify(file, null, 2));
    expect(wrongType.stderr).toMatch(/^content\/themes\.json: themes\[3\]\.signals\[0\]\.weight: .*expected number/u);
    expectRefusal(wrongType, wrongType.stderr.trim());
    const notJson = run(themes.replace('"themes"', 'themes'));
    expect(notJson.stderr.trim()).toMatch(/^content\/themes\.json: not valid JSON \(.+\)$/u);
    expectRefusal(notJson, notJson.stderr.trim());
    expect(() => readFileSync(join(copy, 'content/papers/search-records.json'))).toThrow();
    expect(run(themes).code).toBe(0);
    rmSync(copy, { recursive: true, force: true });
  });
});

describe("npm run ingest and Node's compile cache", () => {
  it('keeps its compiled code for the next run, as Astro does, but not in CI, where there is no next run', () => {
    const root = makeWorkspace([join(SEEDS, '001_d6eefe5445dffbd2.txt')]);
    try {
      // Node keeps the cache in the temporary folder unless NODE_COMPILE_CACHE names one.
      const cacheIn = (temporary: string): string[] => {
        const folder = join(root, temporary);
        mkdirSync(folder);
        const env = {
          TMPDIR: folder,
          NODE_COMPILE_CACHE: undefined,
          NODE_DISABLE_COMPILE_CACHE: undefined,
          CI: temporary === 'ci' ? 'true' : undefined,
        };
        expect(runIngest(root, undefined, env).code).toBe(0);
        return readdirSync(folder, { recursive: true }).map(String);
      };
      // Files in the folder Node keeps per version, not the folder alone, which turning it on makes.
      const cached = cacheIn('local').filter((path) => /^node-compile-cache\/v[^/]+\/./u.test(path));
      expect(cached).not.toEqual([]);
      expect(cacheIn('ci')).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('npm run ingest after a run that was killed', () => {
  /** The id of a process that has ended: what a killed run leaves in the names of its folders. */
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

  it('removes the staging folders of runs that are no longer running, and leaves those of a running one', () => {
    const root = makeWorkspace([join(SEEDS, '001_d6eefe5445dffbd2.txt')]);
    try {
      expect(runIngest(root).code).toBe(0);
      const pages = readPages(root);
      const dead = join(root, `content/.papers-staging-${deadPid()}`);
      const running = join(root, `content/.papers-staging-${process.pid}`);
      for (const folder of [dead, running]) {
        mkdirSync(folder);
        writeFileSync(join(folder, 'half-written.md'), '+++\n');
      }
      expect(runIngest(root).code).toBe(0);
      expect(readPages(root)).toEqual(pages);
      expect(readdirNames(join(root, 'content'))).toEqual([
        '.papers-staging-' + process.pid,
        'overrides.json',
        'papers',
        'sources',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('puts back the pages a run had moved aside when it was killed before the new ones took their place, even if it then refuses the input', () => {
    const root = makeWorkspace([join(SEEDS, '001_d6eefe5445dffbd2.txt')]);
    try {
      expect(runIngest(root).code).toBe(0);
      const pages = readPages(root);
      const pid = deadPid();
      renameSync(join(root, 'content/papers'), join(root, `content/.papers-retired-${pid}`));
      mkdirSync(join(root, `content/.papers-staging-${pid}`));
      writeFileSync(join(root, 'content/sources/999_bad.txt'), 'new\n\nA Title Without Abstract\n');
      expectRefusal(runIngest(root), 'content/sources/999_bad.txt:3: the paper "A Title Without Abstract" has no abstract');
      expect(readPages(root)).toEqual(pages);
      expect(readdirNames(join(root, 'content'))).toEqual(['overrides.json', 'papers', 'sources']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

const readdirNames = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name !== '.' && name !== '..')
    .sort();
