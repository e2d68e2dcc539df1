import { describe, expect, it } from 'vitest';
import { emptyReadingList, readStoredList, serializeReadingList, setStatus, slugFromPath } from '../../src/lib/reading-list.ts';
import { mergeReadingLists, parseReadingList, ReadingListError } from '../../src/lib/reading-list-file.ts';

const paper = { slug: 'qlora-efficient-finetuning', title: 'QLoRA: Efficient Finetuning' };
const other = { slug: 'lq-lora', title: 'LQ-LoRA' };
const monday = new Date('2026-11-23T09:00:00Z');
const tuesday = new Date('2026-11-24T09:00:00Z');

describe('reading list', () => {
  it('keeps saved and read apart, and forgets a paper that is neither', () => {
    let list = setStatus(emptyReadingList(), paper, { saved: true }, monday);
    expect(list.get(paper.slug)).toMatchObject({ saved: true, read: false, title: paper.title });
    list = setStatus(list, paper, { read: true }, tuesday);
    expect(list.get(paper.slug)).toMatchObject({ saved: true, read: true, updated: tuesday.toISOString() });
    list = setStatus(list, paper, { saved: false }, tuesday);
    expect(list.get(paper.slug)).toMatchObject({ saved: false, read: true });
    list = setStatus(list, paper, { read: false }, tuesday);
    expect(list.has(paper.slug)).toBe(false);
  });

  it('round-trips through its file form, sorted by slug whatever the order of changes', () => {
    const a = setStatus(setStatus(emptyReadingList(), paper, { saved: true }, monday), other, { read: true }, monday);
    const b = setStatus(setStatus(emptyReadingList(), other, { read: true }, monday), paper, { saved: true }, monday);
    expect(serializeReadingList(a)).toBe(serializeReadingList(b));
    expect(parseReadingList(serializeReadingList(a))).toEqual(a);
    expect(readStoredList(serializeReadingList(a))).toEqual(a);
  });

  it('refuses files that are not reading lists, saying why', () => {
    const file = (papers: unknown) => JSON.stringify({ format: 'papershelf-reading-list', version: 1, papers });
    const entry = { slug: 'x', title: 'X', saved: true, read: false, updated: monday.toISOString() };
    expect(() => parseReadingList('not json')).toThrow(/not JSON/u);
    expect(() => parseReadingList('{"papers": []}')).toThrow(/not a papershelf-reading-list file/u);
    expect(() => parseReadingList(file({}))).toThrow(ReadingListError);
    expect(() => parseReadingList(file([{ ...entry, slug: 'javascript:alert(1)' }]))).toThrow(/paper 1 has no valid slug/u);
    expect(() => parseReadingList(file([entry, { ...entry, slug: '../../etc' }]))).toThrow(/paper 2/u);
    expect(() => parseReadingList(file([{ ...entry, saved: 'yes' }]))).toThrow(/saved and read/u);
    expect(() => parseReadingList(file([{ ...entry, updated: 'soon' }]))).toThrow(/date/u);
    // Titles are kept as text, whatever they contain: pages show them with textContent.
    expect(parseReadingList(file([{ ...entry, title: '<img src=x onerror=alert(1)>' }])).get('x')?.title).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('reads what it stored, skipping damaged entries instead of failing every page', () => {
    const stored = JSON.stringify({
      papers: [{ slug: 'ok', title: 'OK', saved: true }, { slug: 'java script:', title: 'x' }, null],
    });
    expect([...readStoredList(stored).keys()]).toEqual(['ok']);
    expect(readStoredList('{broken').size).toBe(0);
  });

  it('merges an import: new papers are added, and the more recent change wins', () => {
    const mine = setStatus(setStatus(emptyReadingList(), paper, { saved: true }, tuesday), other, { saved: true }, monday);
    const theirs = setStatus(
      setStatus(setStatus(emptyReadingList(), paper, { read: true }, monday), other, { read: true }, tuesday),
      { slug: 'new-paper', title: 'New' },
      { saved: true },
      monday,
    );
    const { list, changed } = mergeReadingLists(mine, theirs);
    expect(changed).toBe(2);
    expect(list.get(paper.slug)).toMatchObject({ saved: true, read: false });
    expect(list.get(other.slug)).toMatchObject({ saved: false, read: true });
    expect(list.get('new-paper')).toMatchObject({ saved: true });
    expect(mergeReadingLists(list, list).changed).toBe(0);
  });

  it('finds the paper a page address belongs to, served or from disk', () => {
    expect(slugFromPath('/papers/lq-lora/')).toBe('lq-lora');
    expect(slugFromPath('/reading-list/papers/lq-lora/')).toBe('lq-lora');
    expect(slugFromPath('/home/me/site/papers/lq-lora/index.html')).toBe('lq-lora');
    expect(slugFromPath('/papers/')).toBeNull();
    expect(slugFromPath('/themes/lora/')).toBeNull();
  });
});
