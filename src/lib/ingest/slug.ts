import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import anyAscii from 'any-ascii';

export const MAX_SLUG_LENGTH = 80;
const SUFFIX_LENGTH = 6;

/** Lowercase ASCII from a title, non-Latin scripts transliterated, at most 80 characters cut at a word boundary. */
export function baseSlug(title: string): string {
  const full = slugify(anyAscii(title), { decamelize: false }) || 'paper';
  return truncateAtWord(full, MAX_SLUG_LENGTH);
}

function truncateAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max);
}

function suffixFor(key: string, length: number): string {
  return createHash('sha256').update(key).digest('hex').slice(0, length);
}

/**
 * Gives each paper (identified by its title key) a unique slug. A slug depends only on the paper's
 * own title, so it does not change when unrelated dumps are added, removed or reordered. When titles
 * slugify alike, the papers decide: the one whose key sorts first keeps the plain slug, each other one
 * gets a suffix made from a hash of its own key.
 */
export function assignSlugs(papers: readonly { key: string; title: string }[]): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const paper of papers) {
    const base = baseSlug(paper.title);
    const keys = byBase.get(base);
    if (keys) keys.push(paper.key);
    else byBase.set(base, [paper.key]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, keys] of byBase) {
    const [owner, ...others] = [...keys].sort();
    slugs.set(owner!, base);
    for (const key of others) {
      let length = SUFFIX_LENGTH;
      let slug: string;
      do {
        slug = `${truncateAtWord(base, MAX_SLUG_LENGTH - length - 1)}-${suffixFor(key, length)}`;
        length += 2;
      } while (taken.has(slug));
      taken.add(slug);
      slugs.set(key, slug);
    }
  }
  return slugs;
}
