import { LinkifyIt } from 'linkify-it';
import { texToText, unwrapTexGroups } from './tex.ts';

/** A run of an abstract as shown on the page: plain text, or a bare URL that becomes a link. */
export type Inline = { type: 'text'; value: string } | { type: 'link'; url: string };

const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
const WEB_URL = /^https?:\/\//iu;
/** Braces are not URL characters; in these dumps they are TeX residue such as `{here}`. */
const TEX_BRACE = /[{}]/u;

/**
 * Splits scraped text into text runs and links. Bare http(s) URLs become links (trailing
 * punctuation left out, as linkify-it decides); TeX residue in the text runs is rendered as
 * meant, while URLs are kept exactly as written.
 */
export function toInlines(scraped: string): Inline[] {
  const raw = unwrapTexGroups(scraped);
  const inlines: Inline[] = [];
  let position = 0;
  const pushText = (text: string): void => {
    if (text === '') return;
    const last = inlines.at(-1);
    if (last?.type === 'text') last.value += text;
    else inlines.push({ type: 'text', value: text });
  };
  for (const match of linkify.match(raw) ?? []) {
    if (!WEB_URL.test(match.raw)) continue;
    const brace = match.raw.search(TEX_BRACE);
    const url = brace === -1 ? match.raw : match.raw.slice(0, brace);
    if (!linkify.test(url)) continue;
    pushText(texToText(raw.slice(position, match.index)));
    inlines.push({ type: 'link', url });
    position = match.index + url.length;
  }
  pushText(texToText(raw.slice(position)));
  return inlines;
}

/** The text a reader sees: text runs and URLs in order. */
export function inlinesToText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.type === 'text' ? inline.value : inline.url)).join('');
}

/** White space other than single spaces: what normalizeSpace changes, besides the ends. */
const UNUSUAL_SPACE = /[^\S ]| {2}/u;

/** Collapses runs of white space; white space in a dump carries no meaning. */
export function normalizeSpace(text: string): string {
  // Most abstracts have nothing to collapse: testing first is six times faster than replacing.
  return (UNUSUAL_SPACE.test(text) ? text.replace(/\s+/gu, ' ') : text).trim();
}
