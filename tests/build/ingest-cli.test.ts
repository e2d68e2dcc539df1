import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPaperPage } from '../../src/lib/ingest/markdown.ts';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../../src/lib/search/records.ts';
import { makeWorkspace, readPages, REPO, runIngest, SEEDS } from '../helpers/workspace.ts';

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
