import { describe, expect, it } from 'vitest';
import { sortPapers } from '../../src/lib/paper-sort.ts';
import { absoluteUrl, relativeLinker, sitePathOf } from '../../src/lib/paths.ts';
import { relatedPapers } from '../../src/lib/related.ts';
import { sourceListings } from '../../src/lib/source-listings.ts';
import { formatCount, plural } from '../../src/lib/text.ts';

describe('relative links', () => {
  const relativeHref = (from: string, target: string) => relativeLinker(from)(target);

  it('lead from any page to any page as a relative path to its index.html, whatever the base', () => {
    expect(relativeHref(sitePathOf('/papers/x/', '/'), 'themes/lora/')).toBe('../../themes/lora/index.html');
    expect(relativeHref(sitePathOf('/reading-list/papers/x/', '/reading-list/'), 'themes/lora/')).toBe(
      '../../themes/lora/index.html',
    );
    expect(relativeHref(sitePathOf('/', '/'), '')).toBe('index.html');
    expect(relativeHref(sitePathOf('/about/', '/'), 'styles/site.css')).toBe('../styles/site.css');
  });

  it('build absolute URLs for the hosted site', () => {
    expect(absoluteUrl('https://papers.example.org', '/reading-list/', 'papers/x/')).toBe(
      'https://papers.example.org/reading-list/papers/x/',
    );
  });
});

describe('sorting papers', () => {
  const papers = [
    { title: 'b', published: null, upvotes: 3 },
    { title: 'a', published: '2023-01-01', upvotes: null },
    { title: 'c', published: '2024-05-01', upvotes: 1 },
  ];

  it('puts papers without a date or upvotes last, never at a made-up place', () => {
    expect(sortPapers(papers, 'date').map((paper) => paper.title)).toEqual(['c', 'a', 'b']);
    expect(sortPapers(papers, 'upvotes').map((paper) => paper.title)).toEqual(['b', 'c', 'a']);
    expect(sortPapers(papers, 'title').map((paper) => paper.title)).toEqual(['a', 'b', 'c']);
  });
});

describe('related papers', () => {
  const docs = [
    { id: 'quant-1', text: 'post-training quantization of large language models to low-bit weights' },
    { id: 'quant-2', text: 'low-bit quantization aware training for language models with rounding' },
    { id: 'prune-1', text: 'structured pruning removes channels from convolutional networks' },
    { id: 'prune-2', text: 'magnitude pruning of channels in convolutional networks at initialization' },
    { id: 'fed-1', text: 'federated learning across clients with heterogeneous data' },
  ];

  it('ranks papers on the same subject first, never the paper itself', () => {
    const related = relatedPapers(docs, 2);
    expect(related.get('quant-1')![0]).toBe('quant-2');
    expect(related.get('prune-2')![0]).toBe('prune-1');
    for (const [id, others] of related) expect(others).not.toContain(id);
  });

  it('gives the same answer whatever the input order', () => {
    const forward = relatedPapers(docs, 3);
    const backward = relatedPapers([...docs].reverse(), 3);
    for (const doc of docs) expect(backward.get(doc.id)).toEqual(forward.get(doc.id));
  });

  it('weighs a method name and the title over words every abstract uses', () => {
    const papers = [
      {
        id: 'galore',
        title: 'Memory-Efficient Pretraining with GaLore',
        text: 'State-of-the-art large language models use Transformer-based architectures. We project gradients with GaLore.',
      },
      {
        id: 'prompting',
        title: 'Prompting Large Language Models',
        text: 'State-of-the-art large language models use Transformer-based architectures. We study prompts for them.',
      },
      { id: 'projection', title: 'Gradient Projection', text: 'GaLore keeps optimizer states small during pretraining.' },
      { id: 'federated', title: 'Federated Averaging', text: 'Clients train locally and a server averages their updates.' },
      { id: 'retrieval', title: 'Dense Retrieval', text: 'A dual encoder retrieves passages for open-domain questions.' },
    ];
    expect(relatedPapers(papers, 1).get('galore')).toEqual(['projection']);
  });

  it('puts a paper in the same theme before one that shares as many words but no theme', () => {
    const papers = [
      { id: 'a-paper', text: 'channel pruning of convolutional detectors', themes: ['pruning'] },
      { id: 'b-same-theme', text: 'channel pruning of speech recognisers', themes: ['pruning'] },
      { id: 'a-other-theme', text: 'channel pruning of speech recognisers', themes: ['retrieval'] },
      { id: 'unrelated', text: 'federated averaging across many clients', themes: ['federated'] },
    ];
    // Without themes the tie goes to the id that sorts first.
    const withoutThemes = papers.map(({ id, text }) => ({ id, text }));
    expect(relatedPapers(withoutThemes, 2).get('a-paper')).toEqual(['a-other-theme', 'b-same-theme']);
    expect(relatedPapers(papers, 2).get('a-paper')).toEqual(['b-same-theme', 'a-other-theme']);
  });
});

describe("the About page's list of saved listings", () => {
  const paper = (...sources: [string, string | null][]) => ({
    data: { sources: sources.map(([file, listed]) => ({ file, listed })) },
  });

  it('names every dump once, in file-name order, with its listing date and how many papers it holds', () => {
    const papers = [
      paper(['002.txt', 'Mar 14'], ['000.txt', 'Dec 11']),
      paper(['000.txt', 'Dec 11']),
      // Listed twice in one dump: one paper, not two.
      paper(['002.txt', 'Mar 14'], ['002.txt', 'Mar 14']),
      // A dump without a listing date.
      paper(['001.txt', null]),
    ];
    expect(sourceListings(papers)).toEqual([
      { file: '000.txt', listed: 'Dec 11', count: 2 },
      { file: '001.txt', listed: null, count: 1 },
      { file: '002.txt', listed: 'Mar 14', count: 2 },
    ]);
  });
});

describe('counts as pages show them', () => {
  it('groups thousands, as a reading list of tens of thousands of papers needs ("of 10,000", "1,311 papers")', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(999)).toBe('999');
    expect(plural(1311, 'paper')).toBe('1,311 papers');
    expect(plural(20000, 'entry', 'entries')).toBe('20,000 entries');
  });

  it('keeps the noun singular for exactly one', () => {
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(0, 'paper')).toBe('0 papers');
  });
});
