import { describe, expect, it } from 'vitest';
import { cacheKey, cachePrefix } from '../../src/service-worker/protocol.ts';

describe('the offline cache key', () => {
  it('is one entry for a page linked from disk (…/index.html) and by its folder address', () => {
    expect(cacheKey('https://example.org/papers/x/index.html')).toBe('https://example.org/papers/x/');
    expect(cacheKey('https://example.org/papers/x/')).toBe('https://example.org/papers/x/');
    expect(cacheKey('https://example.org/reading-list/index.html')).toBe('https://example.org/reading-list/');
  });

  it('ignores the query and fragment, which a static host ignores too', () => {
    expect(cacheKey('https://example.org/papers/x/?highlight=lora#abstract')).toBe('https://example.org/papers/x/');
    expect(cacheKey('https://example.org/pagefind/pagefind-entry.json?ts=1700000000')).toBe(
      'https://example.org/pagefind/pagefind-entry.json',
    );
  });

  it('keeps other files as they are', () => {
    expect(cacheKey('https://example.org/404.html')).toBe('https://example.org/404.html');
    expect(cacheKey('https://example.org/papers/index.html.bak')).toBe('https://example.org/papers/index.html.bak');
    expect(cacheKey('https://example.org/styles/site.css')).toBe('https://example.org/styles/site.css');
  });
});

describe('the offline cache names', () => {
  it('name the site root, so two sites on one origin never delete each other’s caches', () => {
    expect(cachePrefix('https://owner.github.io/reading-list/')).toBe('papershelf:/reading-list/:');
    expect(cachePrefix('https://owner.github.io/')).toBe('papershelf:/:');
  });
});
