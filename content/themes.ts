import type { ThemeDefinition } from '../src/lib/themes.ts';

/**
 * The themes of the reading list, in display order. Each paper is scored per theme: every signal
 * found in the title counts TITLE_WEIGHT times its weight, every occurrence in the abstract (up to
 * MAX_ABSTRACT_REPEATS) counts its weight once. A paper joins every theme whose score reaches the
 * threshold; papers that join none are listed under "Other". Edit signals here; correct single
 * papers in content/overrides.json.
 */
export const themes: readonly ThemeDefinition[] = [
  {
    id: 'quantization',
    name: 'Quantization',
    description:
      'Lower-precision weights, activations and caches: post-training quantization, quantization-aware training, low-bit formats.',
    rule: 'Named as the subject (quantization, low-bit, W4A8-style formats, rounding, weight clustering) in the title or repeatedly in the abstract. Product or vector quantization for search does not count.',
    threshold: 7,
    signals: [
      { pattern: 'quantiz\\w*', weight: 3 },
      { pattern: 'low-bit|ultra-low-bit|\\d-bits?|\\d+ bits|bit-levels?|bit-width|sub-\\d-bit', weight: 2 },
      { pattern: 'W\\dA\\d+|INT[48]|FP[48]|floating-point formats?', weight: 2 },
      { pattern: 'rounding', weight: 2 },
      { pattern: 'weight clustering|palettiz\\w*', weight: 3 },
      { pattern: 'mixed-precision', weight: 2 },
      { pattern: 'product quantization|vector quantization|quantized embeddings?|nearest neighbou?r search|ANNS', weight: -3 },
    ],
  },
  {
    id: 'lora',
    name: 'LoRA',
    description:
      'Low-rank adaptation and its variants, and low-rank structure in training: low-rank pretraining, gradient projection, decompositions.',
    rule: 'Low-rank adaptation (LoRA and variants), low-rank pretraining or gradient projection, or low-rank weight decomposition as the method, not LoRA named once as a baseline.',
    signals: [
      { pattern: '(?:[A-Z][A-Za-z]*)?LoRA\\w*', weight: 2, caseSensitive: true },
      { pattern: 'low-rank adaptation|low rank adaptation', weight: 3 },
      {
        pattern:
          'low[- ]rank (?:updates?|matri(?:x|ces)|adapters?|modules?|decomposition|components?|factori[sz]\\w*|weights?|gradients?|training|pretraining|projection|compensation|approximation|structures? via)',
        weight: 3,
      },
      { pattern: 'low[- ]rank\\w*', weight: 1 },
      { pattern: 'singular value decomposition|SVD', weight: 2, caseSensitive: true },
      { pattern: 'rank reduction|rank allocation|singular values?|decompos\\w*', weight: 1 },
      { pattern: 'gradient projection|low-rank gradients?|GaLore', weight: 3 },
      { pattern: 'sparse plus low-rank|full-rank', weight: 2 },
      {
        pattern: '(?:outperform\\w*|surpass\\w*|than|alternative (?:to|for)|compared (?:to|with)|memory costs as low as) LoRA',
        weight: -3,
      },
      { pattern: 'low-rank (?:structure|initiali[sz]ation)s? (?:in|of|biases)', weight: -3 },
    ],
  },
  {
    id: 'pruning',
    name: 'Pruning',
    description:
      'Removing weights, channels, heads, layers or tokens, sparse training, and — borderline — pruning of training data.',
    rule: 'Pruning or sparsity as the method or subject; data pruning (dropping training examples) counts as a borderline case.',
    threshold: 7,
    signals: [
      { pattern: 'prun\\w*|prune[ds]?', weight: 3 },
      { pattern: 'data pruning|pruning (?:the )?(?:training )?data', weight: 4 },
      { pattern: 'different from (?:the )?pruning|pruning and outlier|redundant component pruning', weight: -3 },
      { pattern: 'sparsity|sparse training|sparse networks?|sparsif\\w*|dynamic sparse', weight: 2 },
      { pattern: 'lottery tickets?', weight: 3 },
      { pattern: 'magnitude-based|unstructured|structured sparsity', weight: 1 },
      { pattern: 'token merging|KV cache|key cache', weight: 1 },
    ],
  },
  {
    id: 'unlearning',
    name: 'Unlearning',
    description:
      'Machine unlearning: removing what a model learned from specific data, knowledge or concepts, including concept erasure.',
    rule: 'Unlearning, forgetting on request, or concept erasure as the subject; catastrophic forgetting in continual learning does not count.',
    signals: [
      { pattern: 'unlearn(?!able)\\w*', weight: 3 },
      { pattern: 'concept erasure|erase concepts?|knowledge removal|forget set|right to be forgotten', weight: 3 },
      { pattern: 'relearning attacks?', weight: 2 },
    ],
  },
  {
    id: 'fine-tuning',
    name: 'Fine-tuning & PEFT',
    description:
      'Adapting pretrained models to tasks: parameter-efficient fine-tuning beyond LoRA, adapters, reprogramming, analyses of fine-tuning.',
    rule: 'Fine-tuning or parameter-efficient adaptation as the method or the object of study.',
    signals: [
      { pattern: 'fine-?tun\\w*|finetun\\w*', weight: 2 },
      { pattern: 'parameter[- ]efficient|PEFT', weight: 3 },
      { pattern: 'adapters?|prompt tuning|prefix tuning|reprogramm\\w*|transfer learning', weight: 2 },
      { pattern: 'instruction tuning', weight: 1 },
    ],
  },
  {
    id: 'data',
    name: 'Data selection',
    description:
      'Choosing, filtering, weighting and valuing training data: selection, curation, reweighting, data valuation, data mixtures.',
    rule: 'Which training data to use, and how much each example counts, is the subject.',
    threshold: 6,
    signals: [
      { pattern: 'data selection|select(?:ing|ed)? (?:training )?data|subset selection|coreset', weight: 3 },
      {
        pattern:
          'data (?:filtering|curation|pruning|valuation|mixture|ablation|diet)|filtering networks?|datasets? (?:search|construction)',
        weight: 3,
      },
      { pattern: 'reweight\\w*|re-weight\\w*|importance (?:sampling|resampling)|sample weights?', weight: 2 },
      { pattern: 'Data Shapley|data influence|influence functions?|data importance|valuation', weight: 2 },
      { pattern: 'hard (?:samples|examples)|curriculum|candidate pool|dataset design|data sources?', weight: 2 },
      { pattern: 'training (?:data|examples|samples)', weight: 1 },
    ],
  },
  {
    id: 'continual',
    name: 'Continual learning',
    description:
      'Continual, incremental and lifelong learning, catastrophic forgetting, continual pretraining and test-time adaptation.',
    rule: 'Learning from a stream of tasks or shifting data without forgetting is the subject.',
    signals: [
      { pattern: 'continual(?:ly)?|lifelong|incremental learning|class-incremental|catastrophic(?:ally)? forget\\w*', weight: 3 },
      { pattern: 'test-time adaptation|concept drift|online adaptation', weight: 3 },
      { pattern: 'forgetting|new tasks|sequential tasks', weight: 1 },
    ],
  },
  {
    id: 'retrieval',
    name: 'Retrieval & ranking',
    description:
      'Information retrieval, neural ranking and re-ranking, retrieval-augmented models, embeddings and vector search.',
    rule: 'Retrieving or ranking documents, passages or items is the task studied.',
    signals: [
      { pattern: 'retriev\\w*|re-?rank\\w*|information retrieval|search engines?', weight: 3 },
      { pattern: 'rankers?|ranking models?|learning to rank|learn-to-rank', weight: 3 },
      { pattern: 'nearest neighbou?r|vector (?:search|storage)|embedding models?|semantic search|passages?|queries', weight: 2 },
      { pattern: 'ranking', weight: 1 },
    ],
  },
  {
    id: 'robustness',
    name: 'Robustness',
    description: 'Adversarial attacks and training, certified robustness, distribution shift and spurious correlations.',
    rule: 'Robustness to attacks or to shifts in the data is the subject.',
    threshold: 6,
    signals: [
      { pattern: 'adversarial(?:ly)?', weight: 3 },
      { pattern: 'certified|robustness|out-of-distribution|OOD|distribution shifts?|spurious', weight: 2 },
      { pattern: 'robust', weight: 1 },
      { pattern: 'attacks?|perturbations?', weight: 1 },
    ],
  },
  {
    id: 'optimization',
    name: 'Optimization & training',
    description:
      'Optimizers, learning-rate schedules, hyperparameters, normalization, initialization, scaling laws and training dynamics.',
    rule: 'How networks are trained (optimizer, schedule, parametrization, scaling) is the subject; a passing mention of initialization or scaling laws is not enough.',
    threshold: 8,
    signals: [
      { pattern: 'optimi[sz]ers?|Adam\\w*|SGD|momentum|gradient descent', weight: 2 },
      { pattern: 'learning[- ]rates?|schedul\\w*|warm-?up|weight decay|hyperparameters?', weight: 2 },
      { pattern: 'normali[sz]ation|parametri[sz]ations?', weight: 2 },
      { pattern: 'training dynamics|training stability|loss landscape|learning regimes?', weight: 2 },
      { pattern: 'initiali[sz]ation|reparameteri[sz]ation|scaling laws?|convergence', weight: 1 },
      { pattern: 'memory-efficient|optimizer states?', weight: 2 },
    ],
  },
  {
    id: 'architecture-search',
    name: 'Architecture search',
    description: 'Neural architecture search, supernets and one-shot models, weight sharing across architectures.',
    rule: 'Searching or sharing weights across architectures is the subject.',
    signals: [
      { pattern: 'architecture search|NAS|supernets?|one-shot models?|search spaces?', weight: 3 },
      { pattern: 'weight[- ]sharing|many-in-one|sub-networks?|subnetworks?', weight: 2 },
    ],
  },
  {
    id: 'federated',
    name: 'Federated learning',
    description: 'Training across clients and devices without pooling their data.',
    rule: 'Federated or decentralised training across clients is the setting.',
    threshold: 6,
    signals: [
      { pattern: 'federated|FedAvg|Fed\\w+', weight: 3 },
      { pattern: 'clients?|edge devices|P2P|peer-to-peer', weight: 1 },
    ],
  },
  {
    id: 'distillation',
    name: 'Distillation',
    description: 'Knowledge distillation and teacher–student training.',
    rule: 'Distilling knowledge from a teacher into a student model is part of the method; a “mean teacher” or a curriculum teacher alone is not.',
    signals: [
      { pattern: 'distill\\w*', weight: 3 },
      { pattern: 'teachers?|students?', weight: 1 },
    ],
    threshold: 10,
  },
  {
    id: 'merging',
    name: 'Model merging',
    description: 'Combining trained models in weight space: weight averaging, model soups, task vectors, model zoos.',
    rule: 'Combining or comparing trained models through their weights is the subject.',
    signals: [
      {
        pattern:
          'model merging|merg\\w* models?|model soups?|task vectors?|task arithmetic|weight averaging|averaging (?:the )?weights',
        weight: 3,
      },
      { pattern: 'model zoos?|weight matching|mode connectivity|permutation', weight: 2 },
      { pattern: 'merg\\w*|ensembl\\w*|weight space|network weights', weight: 1 },
    ],
  },
  {
    id: 'alignment',
    name: 'Alignment',
    description: 'RLHF, preference optimization and reward modelling for aligning language models.',
    rule: 'Aligning models with human preferences is the subject.',
    signals: [
      { pattern: 'RLHF|preference optimi[sz]ation|DPO|human feedback|alignment tax|reward models?', weight: 3 },
      { pattern: 'preferences?|align\\w*|reward', weight: 1 },
    ],
  },
  {
    id: 'imbalance',
    name: 'Imbalanced data',
    description: 'Class imbalance, long tails and rare events, and rebalancing under-represented classes or domains.',
    rule: 'Skewed class or domain frequencies are the problem addressed.',
    threshold: 6,
    signals: [
      { pattern: 'imbalanc\\w*|long-tail\\w*|rare events?|class-balanced|balanced training|under-represented', weight: 3 },
      {
        pattern: 'minority|majority class|rebalanc\\w*|upsampl\\w*|upweight\\w*|class distribution|fairness|class[- ]balanced?',
        weight: 2,
      },
    ],
  },
  {
    id: 'semi-supervised',
    name: 'Semi-supervised learning',
    description: 'Learning from a few labels plus unlabelled data: pseudo-labelling, consistency regularization.',
    rule: 'Unlabelled data alongside labelled data is the setting.',
    signals: [
      { pattern: 'semi-supervised', weight: 3 },
      { pattern: 'pseudo-?labels?|pseudo-labell?ing|unlabell?ed data', weight: 2 },
    ],
  },
];
