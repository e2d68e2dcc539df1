import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { paperRecord } from '../../src/lib/papers-json.ts';
import { SITE_BUILD } from './site-builds.ts';

/** One object of a build's papers.json, as the site writes it. */
export type PaperRecord = ReturnType<typeof paperRecord>;

/** A build's papers.json: every paper of the site. */
export function readPapersJson(dir = SITE_BUILD): PaperRecord[] {
  return JSON.parse(readFileSync(join(dir, 'papers.json'), 'utf8')) as PaperRecord[];
}

/** Every file of a build, as paths relative to the build folder, in order. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Every HTML file of a build, as paths relative to the build folder. */
export function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    .map((name) => relative(dir, join(dir, name)))
    .sort();
}

export function parseHtml(dir: string, file: string): Root {
  return fromHtml(readFileSync(join(dir, file), 'utf8'));
}

export function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

/** The URLs a page links to or loads: anchors, stylesheets and icons, scripts, images, forms. */
export function references(tree: Root): { tag: string; url: string; rel: string }[] {
  const found: { tag: string; url: string; rel: string }[] = [];
  for (const element of elements(tree)) {
    const url = element.properties['href'] ?? element.properties['src'] ?? element.properties['action'];
    const rel = [element.properties['rel'] ?? []].flat().join(' ');
    if (typeof url === 'string' && element.tagName !== 'base') found.push({ tag: element.tagName, url, rel });
  }
  return found;
}

export const isExternal = (url: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/iu.test(url);
