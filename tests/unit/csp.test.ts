import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { DROP_BASE_FROM_DISK, THEME_BEFORE_PAINT } from '../../src/lib/inline-scripts.ts';
import { SITE_BUILD } from '../helpers/site-builds.ts';
import { elements, htmlFiles, parseHtml } from '../helpers/site-files.ts';
import { toText } from 'hast-util-to-text';

describe('Content-Security-Policy', () => {
  it('is the one README gives hosts, with the hashes of the inline scripts as they are now', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+' 'sha256-[^']+';/u);
    expect(readFileSync('README.md', 'utf8')).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
  });

  it('covers every inline script of every built page, and no page has inline styles', () => {
    const pages = htmlFiles(SITE_BUILD).map((file) => elements(parseHtml(SITE_BUILD, file)));
    const inline = pages.flatMap((page) =>
      page.filter((element) => element.tagName === 'script' && !element.properties['src']).map((element) => toText(element)),
    );
    expect(inline.length).toBeGreaterThan(pages.length);
    expect(inline.filter((script) => script !== THEME_BEFORE_PAINT && script !== DROP_BASE_FROM_DISK)).toEqual([]);
    const styled = pages.flatMap((page) =>
      page.filter((element) => element.tagName === 'style' || 'style' in element.properties),
    );
    expect(styled).toEqual([]);
  });
});
