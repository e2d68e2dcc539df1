import { describe, expect, it } from 'vitest';
import { listPagePath, listPages, pagerNumbers } from '../../src/lib/list-pages.ts';

const papers = Array.from({ length: 7 }, (_, index) => ({
  title: `Paper ${String.fromCharCode(65 + index)}`,
  published: index % 2 === 0 ? `2024-01-0${index + 1}` : null,
  upvotes: index === 3 ? null : index * 10,
}));

describe('paged lists', () => {
  it('orders every paper of the list in each order, then cuts pages, so page 2 continues page 1', () => {
    const pages = listPages(papers, 3);
    expect(pages.map((page) => `${page.order}/${page.page}/${page.pages}`)).toEqual([
      'title/1/3',
      'title/2/3',
      'title/3/3',
      'date/1/3',
      'date/2/3',
      'date/3/3',
      'upvotes/1/3',
      'upvotes/2/3',
      'upvotes/3/3',
    ]);
    const byDate = pages.filter((page) => page.order === 'date').flatMap((page) => page.papers.map((paper) => paper.title));
    expect(byDate).toEqual(['Paper G', 'Paper E', 'Paper C', 'Paper A', 'Paper B', 'Paper D', 'Paper F']);
    const byUpvotes = pages.filter((page) => page.order === 'upvotes').flatMap((page) => page.papers.map((paper) => paper.title));
    expect(byUpvotes).toEqual(['Paper G', 'Paper F', 'Paper E', 'Paper C', 'Paper B', 'Paper A', 'Paper D']);
    expect(pages[1]).toMatchObject({ offset: 3, total: 7 });
  });

  it('keeps the list address for the first page in title order, and puts other pages two folders down', () => {
    expect(listPagePath('themes/lora/', 'title', 1)).toBe('themes/lora/');
    expect(listPagePath('papers/', 'title', 2)).toBe('papers/title/2/');
    expect(listPagePath('papers/', 'date', 1)).toBe('papers/date/1/');
    expect(listPages([], 50)).toHaveLength(3);
  });

  it('links the first and last pages and two either side of the current one', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 9)).toEqual([1, 2, 3, null, 9]);
    expect(pagerNumbers(5, 9)).toEqual([1, null, 3, 4, 5, 6, 7, null, 9]);
    expect(pagerNumbers(4, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
