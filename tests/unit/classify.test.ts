import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlinesToText, toInlines } from '../../src/lib/ingest/abstract-text.ts';
import { classify, compileThemes, scoreThemes } from '../../src/lib/ingest/classify.ts';
import { mergeEntries } from '../../src/lib/ingest/merge.ts';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { readLines } from '../../src/lib/ingest/read-lines.ts';
import { OTHER_THEME, THEME_IDS, THEMES } from '../../src/lib/themes.ts';

const compiled = compileThemes(THEMES);
const classifyText = (title: string, abstract: string) => classify(title, abstract, compiled);

describe('classify', () => {
  it('does not file a quantization paper under LoRA for naming LoRA once as a baseline', () => {
    const result = classifyText(
      'Low-Bit Post-Training Quantization for Large Language Models',
      'We propose a post-training quantization method that keeps 4-bit weights accurate. Quantized models lose little accuracy, and our quantization is faster than QLoRA-style baselines and LoRA fine-tuning.',
    );
    expect(result.themes).toEqual(['quantization']);
    expect(result.evidence.quantization).toContain('Quantization');
  });

  it('applies the borderline rules: data pruning, low-rank pretraining, concept erasure', () => {
    expect(
      classifyText('Beating Scaling Laws via Data Pruning', 'We study data pruning: dropping redundant training examples.')
        .themes,
    ).toContain('pruning');
    expect(
      classifyText('Memory-Efficient Pretraining', 'We propose low-rank pretraining through gradient projection, as in GaLore.')
        .themes,
    ).toContain('lora');
    expect(
      classifyText(
        'Erasing Concepts from Diffusion Models',
        'We propose concept erasure that removes a concept from the weights; concept erasure is evaluated.',
      ).themes,
    ).toContain('unlearning');
  });

  it('shows as evidence the whole hyphenated compound a signal ends, though the signal matches only its tail', () => {
    const signal = (pattern: string, caseSensitive = false) => ({ pattern, weight: 3, caseSensitive });
    const [theme] = compileThemes([
      {
        id: 'bare',
        name: 'Bare signals',
        description: 'Signals with no pattern for the parts before a hyphen.',
        rule: 'Any signal.',
        signals: [signal('LoRA', true), signal('rankers?'), signal('training data'), signal('prun\\w*')],
      },
    ]);
    const evidence = (title: string, abstract = 'Nothing here.') => scoreThemes(title, abstract, [theme!])[0]!.terms;
    expect(evidence('LQ-LoRA: Low-Rank Plus Quantized Matrix Decomposition')).toEqual(['LQ-LoRA']);
    expect(evidence('Cross-Encoder Re-Rankers')).toEqual(['Re-Rankers']);
    expect(evidence('Selecting Post-Training Data')).toEqual(['Post-Training Data']);
    expect(evidence('Faster Low-Bit-LoRA Adapters')).toEqual(['Low-Bit-LoRA']);
    // Found in the abstract when the title has none.
    expect(evidence('A Study', 'We show that non-pruned layers matter.')).toEqual(['non-pruned']);
    // What follows the match is not part of it; a hyphen with no word before it is a dash.
    expect(evidence('LoRA-based Adapters')).toEqual(['LoRA']);
    expect(evidence('Adapters --LoRA and More')).toEqual(['LoRA']);
    // A compound longer than any word: the parts the scan reaches whole, never a cut part.
    const [first, second] = ['x'.repeat(40), 'y'.repeat(40)];
    expect(evidence(`${first}-${second}-LoRA`)).toEqual([`${second}-LoRA`]);
  });

  it("shows the whole compound with the site's themes, whose signals have no pattern for it", () => {
    expect(
      classifyText('LQ-LoRA: Low-Rank Plus Quantized Matrix Decomposition', 'We propose LQ-LoRA, a variant of LoRA.').evidence
        .lora,
    ).toContain('LQ-LoRA');
    expect(
      classifyText('Re-Rankers for Retrieval', 'We train re-rankers on retrieved passages for information retrieval.').evidence
        .retrieval,
    ).toContain('Re-Rankers');
  });

  it('puts a paper that matches no theme in other, with no evidence', () => {
    expect(classifyText('Gaussian Processes for Volatility', 'We estimate short-term volatility of prices.')).toEqual({
      themes: [OTHER_THEME.id],
      evidence: {},
    });
  });
});

interface Label {
  title: string;
  themes: string[];
}

describe('classifier quality on the hand-labelled seeds', () => {
  const labels = JSON.parse(readFileSync('tests/fixtures/theme-labels.json', 'utf8')) as Label[];
  const papers = mergeEntries(
    readdirSync('content/sources')
      .sort()
      .flatMap((file) => parseDump(file, readLines(file, readFileSync(`content/sources/${file}`)))),
  );
  const predicted = new Map(
    papers.map((paper) => [
      paper.title,
      classifyText(inlinesToText(toInlines(paper.title)), inlinesToText(toInlines(paper.abstract))).themes,
    ]),
  );

  it('has a label for every paper in the seeds', () => {
    expect(labels.map((label) => label.title).sort()).toEqual([...predicted.keys()].sort());
  });

  const ids = THEME_IDS;
  const rows = ids.map((id) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const label of labels) {
      const expected = label.themes.includes(id);
      const actual = predicted.get(label.title)?.includes(id) ?? false;
      if (expected && actual) truePositives++;
      else if (actual) falsePositives++;
      else if (expected) falseNegatives++;
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives);
    return { id, precision, recall, labelled: truePositives + falseNegatives };
  });
  console.log(
    [
      'theme                    precision  recall  labelled',
      ...rows.map(
        (row) =>
          `${row.id.padEnd(24)} ${row.precision.toFixed(2).padStart(9)} ${row.recall.toFixed(2).padStart(7)} ${String(row.labelled).padStart(9)}`,
      ),
    ].join('\n'),
  );

  it.each(['quantization', 'lora', 'pruning', 'unlearning'])('reaches 0.95 precision and recall on %s', (id) => {
    const row = rows.find((candidate) => candidate.id === id)!;
    expect(row.precision).toBeGreaterThanOrEqual(0.95);
    expect(row.recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each(THEMES.map((theme) => theme.id).filter((id) => !['quantization', 'lora', 'pruning', 'unlearning'].includes(id)))(
    'keeps %s at 0.7 precision and 0.35 recall or better, so its page lists mostly the right papers',
    (id) => {
      const row = rows.find((candidate) => candidate.id === id)!;
      expect(row.precision).toBeGreaterThanOrEqual(0.7);
      expect(row.recall).toBeGreaterThanOrEqual(0.35);
    },
  );

  it('leaves at most 15 % of the papers in other', () => {
    const inOther = [...predicted.values()].filter((ids) => ids.includes(OTHER_THEME.id)).length;
    expect(inOther / predicted.size).toBeLessThanOrEqual(0.15);
  });
});
