/**
 * A multinomial logistic regression over the words of a message, the pairs of words that follow
 * each other, the letter sequences inside each word (so that a typo, a missing accent or another
 * form of the same word still shares most of its features) and the ideas the words stand for
 * (bot/nlu/concepts.ts). Trained by the build from the corpus in under a second, as the average of
 * a few models each fed the samples in its own order; deterministic (no random start), and small:
 * a weight per feature seen in training and per intent.
 */

import { conceptsOf } from './concepts';

/** The lengths of the letter sequences taken inside each word. */
const NGRAM_MIN = 3;
const NGRAM_MAX = 5;
/** How much each concept the message speaks of (bot/nlu/concepts.ts) weighs beside a word. */
const CONCEPT_WEIGHT = 3;

/** The features of a normalised text, each with its weight in the message. */
export function featuresOf(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const words = text.split(' ').filter(Boolean);
  for (const [i, word] of words.entries()) {
    add(`w:${word}`, 1);
    if (i > 0) add(`b:${words[i - 1]} ${word}`, 1);
    const marked = `<${word}>`;
    for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++) for (let start = 0; start + n <= marked.length; start++) add(`c:${marked.slice(start, start + n)}`, 0.3);
  }
  for (const concept of conceptsOf(text)) add(`k:${concept}`, CONCEPT_WEIGHT);
  // Each message weighs the same whatever its length.
  const norm = Math.sqrt([...features.values()].reduce((sum, v) => sum + v * v, 0)) || 1;
  for (const [feature, value] of features) features.set(feature, value / norm);
  return features;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** How many models, each trained in its own sample order, are averaged. */
  bags: number;
}

const DEFAULTS: TrainingOptions = { epochs: 12, learningRate: 0.5, l2: 1e-5, bags: 5 };

/** The sample orders of the models averaged: each sorts the samples by (index × prime) modulo their count. */
const ORDERS = [7919, 104729, 15485863, 32452843, 49979687, 67867967, 86028121, 104395301];

interface Sample {
  features: [number, number][];
  label: number;
  weight: number;
}

/** One model trained by Adagrad over the samples in the order `prime` gives them. */
function trainInOrder(
  samples: Sample[],
  classWeight: number[],
  featureCount: number,
  L: number,
  prime: number,
  { epochs, learningRate, l2 }: Omit<TrainingOptions, 'bags'>,
): { weights: Float64Array; bias: Float64Array } {
  const weights = new Float64Array(featureCount * L);
  const bias = new Float64Array(L);
  // Adagrad: each weight's own step size, so that rare features still learn.
  const g2 = new Float64Array(featureCount * L).fill(1e-8);
  const b2 = new Float64Array(L).fill(1e-8);
  const scores = new Float64Array(L);
  // A fixed order that still mixes the labels: deterministic from one start to the next.
  const order = samples.map((_, i) => i).sort((a, b) => ((a * prime) % samples.length) - ((b * prime) % samples.length));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of order) {
      const { features, label, weight } = samples[i];
      softmaxInto(scores, features, weights, bias, L);
      for (let l = 0; l < L; l++) {
        const gradient = (scores[l] - (l === label ? 1 : 0)) * classWeight[label] * weight;
        if (Math.abs(gradient) < 1e-3) continue; // a label already far from this example learns nothing worth the time
        for (const [id, value] of features) {
          const k = id * L + l;
          const g = gradient * value + l2 * weights[k];
          g2[k] += g * g;
          weights[k] -= (learningRate * g) / Math.sqrt(g2[k]);
        }
        b2[l] += gradient * gradient;
        bias[l] -= (learningRate * gradient) / Math.sqrt(b2[l]);
      }
    }
  }
  return { weights, bias };
}

/** A trained model as it is saved: the labels, the features in their order, the weights (float32, base64) and the biases. */
export interface LinearModel {
  labels: string[];
  features: string[];
  weights: string;
  bias: number[];
}

export class LinearClassifier {
  private constructor(
    private readonly labels: string[],
    private readonly index: Map<string, number>,
    /** weights[feature * labels + label] */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  /** Trains on (text, label) pairs, texts already normalised, each with its weight (1 unless said); every label is balanced against the others. */
  static train(examples: { text: string; label: string; weight?: number }[], options: Partial<TrainingOptions> = {}): LinearClassifier {
    const { epochs, learningRate, l2, bags } = { ...DEFAULTS, ...options };
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const index = new Map<string, number>();
    const samples: Sample[] = examples.map((e) => {
      const features: [number, number][] = [];
      for (const [feature, value] of featuresOf(e.text)) {
        let id = index.get(feature);
        if (id === undefined) index.set(feature, (id = index.size));
        features.push([id, value]);
      }
      return { features, label: labelIndex.get(e.label)!, weight: e.weight ?? 1 };
    });
    const perLabel = labels.map((_, l) => samples.filter((s) => s.label === l).reduce((sum, s) => sum + s.weight, 0));
    const total = perLabel.reduce((a, b) => a + b, 0);
    const classWeight = perLabel.map((n) => total / (labels.length * n));
    const L = labels.length;
    const weights = new Float64Array(index.size * L);
    const bias = new Float64Array(L);
    // One model a sample order, their weights averaged: the order alone moved a held-out figure by
    // up to six points (a sentence near the threshold goes one way or the other); the average does not.
    for (const prime of ORDERS.slice(0, bags)) {
      const bag = trainInOrder(samples, classWeight, index.size, L, prime, { epochs, learningRate, l2 });
      for (let k = 0; k < weights.length; k++) weights[k] += bag.weights[k] / bags;
      for (let l = 0; l < L; l++) bias[l] += bag.bias[l] / bags;
    }
    return new LinearClassifier(labels, index, weights, bias);
  }

  export(): LinearModel {
    return {
      labels: this.labels,
      features: [...this.index.keys()],
      weights: Buffer.from(new Float32Array(this.weights).buffer).toString('base64'),
      bias: [...this.bias],
    };
  }

  static import(model: LinearModel): LinearClassifier {
    const bytes = Buffer.from(model.weights, 'base64');
    const weights = Float64Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    if (weights.length !== model.features.length * model.labels.length) throw new Error('The saved NLU model is damaged');
    return new LinearClassifier(model.labels, new Map(model.features.map((f, i) => [f, i])), weights, Float64Array.from(model.bias));
  }

  /** The probability of each label for a normalised text, highest first. */
  classify(text: string): { label: string; score: number }[] {
    const features: [number, number][] = [];
    for (const [feature, value] of featuresOf(text)) {
      const id = this.index.get(feature);
      if (id !== undefined) features.push([id, value]);
    }
    const scores = new Float64Array(this.labels.length);
    softmaxInto(scores, features, this.weights, this.bias, this.labels.length);
    return this.labels.map((label, l) => ({ label, score: scores[l] })).sort((a, b) => b.score - a.score);
  }
}

function softmaxInto(out: Float64Array, features: [number, number][], weights: Float64Array, bias: Float64Array, L: number): void {
  for (let l = 0; l < L; l++) out[l] = bias[l];
  for (const [id, value] of features) for (let l = 0; l < L; l++) out[l] += weights[id * L + l] * value;
  let max = -Infinity;
  for (let l = 0; l < L; l++) max = Math.max(max, out[l]);
  let sum = 0;
  for (let l = 0; l < L; l++) sum += out[l] = Math.exp(out[l] - max);
  for (let l = 0; l < L; l++) out[l] /= sum;
}
