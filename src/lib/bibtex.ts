/**
 * BibTeX for papers, with only what is known: the title, the paper's page URL, the year and month
 * when a listing gives them, and where it was listed. No author names (the dumps only count them)
 * and never a guessed year.
 *
 * Escaping: BibTeX's special characters (and < >) become their LaTeX text commands; everything else,
 * any script or emoji included, stays as UTF-8. (citation-js, the common library, either drops
 * non-Latin text or leaves `%` unescaped; tests read every entry back with a BibTeX parser.)
 */

import { plural } from './text.ts';

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding a bare < or > prints as ¡ or ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Pairs TeX joins into one glyph (`--` into an en dash, two quotes into a curly one): kept apart with `{}`. */
const LIGATURE = /([-'`,])(?=\1)|([!?])(?=`)/gu;

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_~^<>]/gu, (character) => SPECIAL[character]!).replace(LIGATURE, '$1$2{}');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface CitablePaper {
  slug: string;
  title: string;
  published: string | null;
  authors: number | null;
  url: string;
  listed: string | null;
}

/** One `@misc` entry, keyed by the paper's slug. */
export function bibtexEntry(paper: CitablePaper): string {
  const [year, month] = paper.published?.split('-') ?? [];
  const notes = [
    'Hugging Face Daily Papers',
    paper.listed && `listed ${paper.listed}`,
    paper.authors !== null && `${plural(paper.authors, 'author')}, names not listed`,
  ].filter(Boolean);
  const fields: [string, string][] = [
    ['title', `{${escapeBibtex(paper.title)}}`],
    ...(year ? ([['year', year]] as [string, string][]) : []),
    ...(month ? ([['month', MONTHS[Number(month) - 1]!]] as [string, string][]) : []),
    ['url', paper.url],
    ['note', escapeBibtex(notes.join('; '))],
  ];
  return `@misc{${paper.slug},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}
