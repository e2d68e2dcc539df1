import { DUMP_HEADER_LINES } from '../src/lib/ingest/parse-dump.ts';

/**
 * Synthetic Daily Papers dumps in the real format, from a fixed seed: realistic title and abstract
 * lengths, vocabulary from the four named themes and several others, metadata on some entries, and
 * some papers listed in more than one dump, as in the real sources.
 */

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same dumps everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS: Record<string, { title: string[]; phrases: string[] }> = {
  quantization: {
    title: ['Quantization', 'Low-Bit Inference', 'Post-Training Quantization', '4-bit Weights', 'Quantized Attention'],
    phrases: [
      'post-training quantization',
      'low-bit weights',
      'quantization-aware training',
      'INT4 kernels',
      'rounding error',
      'quantized activations',
    ],
  },
  lora: {
    title: ['Low-Rank Adaptation', 'LoRA', 'Low-Rank Adapters', 'Rank Allocation', 'Gradient Projection'],
    phrases: [
      'low-rank adaptation',
      'LoRA modules',
      'low-rank updates',
      'rank allocation',
      'low-rank gradient projection',
      'adapter matrices',
    ],
  },
  pruning: {
    title: ['Pruning', 'Structured Sparsity', 'Sparse Training', 'Channel Pruning', 'Lottery Tickets'],
    phrases: [
      'structured pruning',
      'unstructured sparsity',
      'pruned networks',
      'magnitude pruning',
      'lottery tickets',
      'sparse training',
    ],
  },
  unlearning: {
    title: ['Machine Unlearning', 'Concept Erasure', 'Forgetting on Request', 'Unlearning Verification'],
    phrases: [
      'machine unlearning',
      'the forget set',
      'concept erasure',
      'unlearning methods',
      'relearning attacks',
      'unlearned models',
    ],
  },
  retrieval: {
    title: ['Dense Retrieval', 'Neural Re-Ranking', 'Retrieval-Augmented Generation', 'Learning to Rank'],
    phrases: [
      'dense retrieval',
      'neural rankers',
      're-ranking',
      'retrieval-augmented generation',
      'passage retrieval',
      'query encoders',
    ],
  },
  continual: {
    title: ['Continual Learning', 'Class-Incremental Learning', 'Lifelong Adaptation', 'Test-Time Adaptation'],
    phrases: [
      'continual learning',
      'catastrophic forgetting',
      'class-incremental learning',
      'lifelong learning',
      'test-time adaptation',
    ],
  },
  federated: {
    title: ['Federated Learning', 'Federated Optimization', 'Client Heterogeneity'],
    phrases: ['federated learning', 'client drift', 'federated averaging', 'heterogeneous clients'],
  },
  robustness: {
    title: ['Adversarial Training', 'Certified Robustness', 'Distribution Shift'],
    phrases: [
      'adversarial examples',
      'adversarial training',
      'certified robustness',
      'distribution shift',
      'spurious correlations',
    ],
  },
  data: {
    title: ['Data Selection', 'Data Filtering', 'Data Pruning for Pretraining'],
    phrases: ['data selection', 'data filtering', 'sample reweighting', 'data valuation', 'training examples'],
  },
};
const TOPIC_NAMES = Object.keys(TOPICS);

const GENERIC_SENTENCES = [
  'Large language models have shown strong results across a wide range of tasks, but their cost grows with scale.',
  'Existing methods trade accuracy for efficiency and often require careful tuning of many hyperparameters.',
  'We study this problem from both a theoretical and an empirical point of view.',
  'Our analysis reveals that a small number of components dominate the behaviour of the model during training.',
  'Experiments on image classification, language modelling and instruction following confirm these findings.',
  'The method adds negligible overhead at inference time and is simple to implement.',
  'We release code and checkpoints to support further research.',
  'Compared with strong baselines, the approach improves accuracy while reducing memory usage.',
  'We further show that the gains hold across model families and sizes from 125M to 70B parameters.',
  'Ablation studies identify which design choices matter most.',
  'This suggests a simple recipe that practitioners can adopt with little effort.',
  'We provide a convergence analysis under standard smoothness assumptions.',
  'Surprisingly, the benefit grows with model size and with the length of training.',
  'Our results challenge the common assumption that these objectives are in conflict.',
];
const WORDS =
  'model training efficient scalable robust adaptive sparse dense transformer vision language benchmark theory analysis method framework objective loss gradient representation memory compute inference latency throughput accuracy generalization pretraining fine-tuning distillation attention layer token embedding'.split(
    ' ',
  );
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'qua',
  'zen',
  'bri',
  'sol',
  'dex',
  'ny',
  'pha',
  'gro',
  'lux',
  'tri',
  'vo',
  'sen',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface SyntheticPaper {
  title: string;
  abstract: string;
  metadata: string[] | null;
}

function makePaper(index: number, random: () => number): SyntheticPaper {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topics = [pick(TOPIC_NAMES), ...(random() < 0.35 ? [pick(TOPIC_NAMES)] : [])];
  const main = TOPICS[topics[0]!]!;
  const name = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  const acronym = `${name.charAt(0).toUpperCase()}${name.slice(1)}-${index}`;
  const topicTitle = pick(main.title);
  const title = `${acronym}: ${pick(['Towards', 'Rethinking', 'Scaling', 'Efficient', 'Simple', 'Provable'])} ${topicTitle} for ${pick(['Large Language Models', 'Vision Transformers', 'Diffusion Models', 'Speech Recognition', 'Recommendation', 'Graph Networks'])}`;
  const sentences: string[] = [];
  const length = 7 + Math.floor(random() * 6);
  for (let i = 0; i < length; i++) {
    if (i % 3 === 1) {
      const topic = TOPICS[pick(topics)]!;
      sentences.push(
        `We propose ${acronym}, which combines ${pick(topic.phrases)} with ${pick(topic.phrases)} to improve ${pick(WORDS)} ${pick(WORDS)}.`,
      );
    } else if (i % 3 === 2) {
      sentences.push(
        `On ${pick(['GLUE', 'ImageNet', 'C4', 'MMLU', 'CIFAR-100', 'MS MARCO'])}, it reaches ${(50 + random() * 45).toFixed(1)}% with ${(1 + random() * 9).toFixed(1)}x lower ${pick(WORDS)} cost.`,
      );
    } else {
      sentences.push(pick(GENERIC_SENTENCES));
    }
  }
  let metadata: string[] | null = null;
  if (random() < 0.15) {
    const day = `${pick(MONTHS)} ${1 + Math.floor(random() * 28)}`;
    const date = random() < 0.8 ? `${day}, ${2019 + Math.floor(random() * 6)}` : day;
    const upvotes = random() < 0.5 ? ` ${1 + Math.floor(random() * 40)}` : '';
    metadata = [`  • ${1 + Math.floor(random() * 12)} authors`, '·', `${date}${upvotes}`];
  }
  return { title, abstract: sentences.join(' '), metadata };
}

/** The page chrome that opens a dump, each line followed by a blank line. */
const HEADER = DUMP_HEADER_LINES.flatMap((line) => [line, '']);

/** Dumps holding `count` distinct papers, about 250 entries each, 10 % of papers listed twice. */
export function syntheticDumps(count: number, seed = 20261123): { name: string; text: string }[] {
  const random = seededRandom(seed);
  const papers = Array.from({ length: count }, (_, index) => makePaper(index, random));
  const entries = [...papers, ...papers.filter(() => random() < 0.1)];
  const perDump = 250;
  const dumps: { name: string; text: string }[] = [];
  for (let start = 0, number = 0; start < entries.length; start += perDump, number++) {
    const lines = [...HEADER, `${MONTHS[number % 12]} ${1 + (number % 28)}`, ''];
    for (const paper of entries.slice(start, start + perDump)) {
      lines.push(paper.title, '', paper.abstract, '');
      if (paper.metadata) lines.push(...paper.metadata, '');
    }
    dumps.push({ name: `synthetic-${String(number).padStart(4, '0')}.txt`, text: lines.join('\n') });
  }
  return dumps;
}
