import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ABSTRACT_LENGTH, MAX_TITLE_LENGTH } from '../../src/lib/ingest/parse-dump.ts';
import { ingest } from '../../src/lib/ingest/pipeline.ts';
import { THEMES } from '../../src/lib/themes.ts';
import { PATHOLOGICAL_TEXTS } from '../fuzz/pathological.ts';
import { CaseRunner } from '../fuzz/run-case.ts';
import { dumpText, encode, errorMessage, HEADER } from '../helpers/dump.ts';

const firstLine = HEADER.length + 1;
const ingestEntries = (entries: { title: string; abstract: string }[]) =>
  ingest([{ name: 'd.txt', bytes: encode(dumpText(entries)) }], { themes: THEMES });

describe('the limits on a title and an abstract', () => {
  it('are 300 and 20,000 characters', () => {
    expect([MAX_TITLE_LENGTH, MAX_ABSTRACT_LENGTH]).toEqual([300, 20_000]);
  });

  it('refuse a longer abstract with its file, line and the limit', () => {
    const entries = [
      { title: 'Fine', abstract: 'x'.repeat(MAX_ABSTRACT_LENGTH) },
      { title: 'Too Long', abstract: 'y'.repeat(MAX_ABSTRACT_LENGTH + 1) },
    ];
    expect(errorMessage(() => ingestEntries(entries))).toBe(
      `content/sources/d.txt:${firstLine + 6}: the abstract of "Too Long" is 20,001 characters long; the limit is 20,000`,
    );
  });

  it('refuse a longer title with its file, line and the limit', () => {
    const title = 't'.repeat(MAX_TITLE_LENGTH + 1);
    expect(errorMessage(() => ingestEntries([{ title, abstract: 'a' }]))).toBe(
      `content/sources/d.txt:${firstLine}: expected a paper title (at most 300 characters) but found a 301-character paragraph`,
    );
  });

  it('count characters, not UTF-16 units: 20,000 emoji are an abstract at the limit', () => {
    const { summary } = ingestEntries([{ title: 'Emoji', abstract: '😀'.repeat(MAX_ABSTRACT_LENGTH) }]);
    expect(summary.papersWritten).toBe(1);
  });
});

/**
 * Dumps of papers whose titles and abstracts are hostile text exactly at the limits, through the
 * whole pure ingest. A hundred papers a case, so that code doing work quadratic in a paper's text
 * (a third of a second per paper at this length) would reach the time limit.
 */
describe('hostile text at the limits goes through ingest in time', () => {
  const runner = new CaseRunner();
  afterAll(() => runner.close());
  const PAPERS = 100;
  const LIMIT_MS = 20_000;

  it.each(Object.entries(PATHOLOGICAL_TEXTS))('%s', async (_name, make) => {
    const abstract = make(MAX_ABSTRACT_LENGTH);
    const entries = Array.from({ length: PAPERS }, (_, index) => {
      const prefix = `Case ${index}: `;
      return { title: prefix + make(MAX_TITLE_LENGTH - prefix.length), abstract };
    });
    const outcome = await runner.run(
      { kind: 'ingest', sources: [{ name: 'd.txt', bytes: encode(dumpText(entries)) }] },
      LIMIT_MS,
    );
    expect(outcome).toMatchObject({ status: 'ok' });
  });
});
