import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { ALL_THEMES } from '../../src/lib/themes.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';
import { readPapersJson } from '../helpers/site-files.ts';

const records = readPapersJson();

describe('the .bib file of each theme', () => {
  it.each(ALL_THEMES.map((theme) => theme.id))(
    '%s: parses, and holds exactly its papers with their titles, pages and known years',
    (id) => {
      const result = parse(readFileSync(join(SITE_BUILD, `themes/${id}/papers.bib`), 'utf8'), { sentenceCase: false } as never);
      expect(result.errors).toEqual([]);
      const members = records.filter((record) => record.themes.includes(id));
      expect(members.length).toBeGreaterThan(0);
      expect(result.entries.map((entry) => entry.key).sort()).toEqual(members.map((record) => record.slug).sort());
      for (const entry of result.entries) {
        const record = members.find((candidate) => candidate.slug === entry.key)!;
        expect(entry.fields['title']).toBe(record.title);
        expect(entry.fields['url']).toBe(record.url);
        expect(entry.fields['year']).toBe(record.published?.slice(0, 4));
        expect(entry.fields['author']).toBeUndefined();
      }
    },
  );
});
