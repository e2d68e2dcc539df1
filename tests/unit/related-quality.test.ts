/**
 * Related papers stay on topic: computed for the seed papers as the site computes them (title,
 * abstract text and themes, through relatedInput, RELATED_COUNT per paper), the links of every seed
 * paper with a labelled theme should mostly go to papers that share one of its labelled themes
 * (tests/fixtures/theme-labels.json). The unseen papers, on their own, give the same figure for
 * papers nothing was tuned on; it is printed, not checked.
 */
import { describe, expect, it } from 'vitest';
import { relatedInput, relatedPapers } from '../../src/lib/related.ts';
import { OTHER_THEME } from '../../src/lib/themes.ts';
import { RELATED_COUNT } from '../../src/site.config.ts';
import { seedPapers, unseenPapers, type LabelledPaper } from '../helpers/labelled-papers.ts';

/** Share of related links, from papers with a labelled theme, that go to a paper sharing one of those themes. */
const ON_TOPIC_TARGET = 0.85;

const coreThemes = (paper: LabelledPaper) => paper.core.filter((id) => id !== OTHER_THEME.id);

function relatedLinks(papers: readonly LabelledPaper[]) {
  const related = relatedPapers(papers.map(relatedInput), RELATED_COUNT);
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
  return papers
    .filter((paper) => coreThemes(paper).length > 0)
    .flatMap((paper) =>
      (related.get(paper.slug) ?? []).map((slug) => {
        const other = bySlug.get(slug)!;
        return { from: paper, to: other, onTopic: coreThemes(other).some((id) => coreThemes(paper).includes(id)) };
      }),
    );
}

const share = (links: readonly { onTopic: boolean }[]) => links.filter((link) => link.onTopic).length / links.length;

describe('related papers', () => {
  const seeds = seedPapers();
  const links = relatedLinks(seeds);
  const unseenLinks = relatedLinks(unseenPapers());
  console.log(
    [
      `related papers on topic: ${(100 * share(links)).toFixed(1)} % of ${links.length} links from seed papers with a labelled theme (target ${ON_TOPIC_TARGET * 100} %)`,
      `on the unseen papers, among themselves: ${(100 * share(unseenLinks)).toFixed(1)} % of ${unseenLinks.length} links`,
    ].join('\n'),
  );

  it(`links at least ${ON_TOPIC_TARGET * 100} % of the time to a paper that shares a labelled theme`, () => {
    expect(links.length).toBeGreaterThan(seeds.length * 3);
    const offTopic = links.filter((link) => !link.onTopic).map((link) => `${link.from.title} -> ${link.to.title}`);
    expect(share(links), `off topic:\n${offTopic.join('\n')}`).toBeGreaterThanOrEqual(ON_TOPIC_TARGET);
  });

  it(`gives every seed paper ${RELATED_COUNT} other papers, each once`, () => {
    const related = relatedPapers(seeds.map(relatedInput), RELATED_COUNT);
    const wrong = seeds.filter((paper) => {
      const others = related.get(paper.slug) ?? [];
      return others.length !== RELATED_COUNT || new Set(others).size !== others.length || others.includes(paper.slug);
    });
    expect(wrong.map((paper) => paper.title)).toEqual([]);
  });
});
