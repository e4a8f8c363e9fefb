import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '../host/paths';
import type { Corpus } from './nlpRecognizer';
import { fold } from './entities';
import { Intent, isIntent } from './recognizer';

export interface LabelledUtterance {
  intent: Intent;
  language: 'fr' | 'en' | 'mix';
  text: string;
}

/** The held-out sets: labelled utterances the recognizer is measured on, never trained on, never tuned to. */
export const HELD_OUT_SETS = [
  'evaluation.tsv',
  'heldout2.tsv',
  'heldout3.tsv',
  'heldout4.tsv',
  'heldout5.tsv',
  'heldout6.tsv',
  'heldout7.tsv',
  'heldout8.tsv',
] as const;

/** Every sentence of the held-out sets. */
export function heldOutSentences(): string[] {
  return HELD_OUT_SETS.flatMap((file) => loadEvaluationSet(projectPath('nlu', file)).map((e) => e.text));
}

/**
 * Near-duplicates of a set of sentences: the same words in another order, or (four words or more)
 * one word changed, added or left out, compared on the words as typed. Training leaves out every
 * phrase that is one of a held-out sentence, so that no held-out sentence is learnt by heart.
 */
export class NearDuplicates {
  private readonly keys = new Map<string, string>();

  constructor(sentences: readonly string[]) {
    for (const sentence of sentences) for (const key of keysOf(words(sentence))) this.keys.set(key, sentence);
  }

  /** The sentence `text` is a near-duplicate of, if any. */
  of(text: string): string | undefined {
    for (const key of keysOf(words(text))) {
      const like = this.keys.get(key);
      if (like !== undefined) return like;
    }
    return undefined;
  }
}

/** The words as typed (lower case, accents and punctuation aside): the normalisation is part of the model, so a sentence that only its short forms make equal to another is a test of it, not a duplicate. */
const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}@]+/u)
    .filter(Boolean);

/** Keys two near-duplicates share: the bag of words; with four words or more, each word replaced by a joker, each word left out, and the whole (for one with a word more). */
function keysOf(w: string[]): string[] {
  const keys = [`bag:${[...w].sort().join(' ')}`];
  if (w.length >= 4) {
    for (let i = 0; i < w.length; i++)
      keys.push(`one:${[...w.slice(0, i), '*', ...w.slice(i + 1)].join(' ')}`, `less:${[...w.slice(0, i), ...w.slice(i + 1)].join(' ')}`);
  }
  if (w.length >= 3) keys.push(`less:${w.join(' ')}`);
  return keys;
}

/** nlu/evaluation.tsv (or another held-out set): the labelled set the recognizer is measured on, never trained on. */
export function loadEvaluationSet(path = projectPath('nlu', 'evaluation.tsv')): LabelledUtterance[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const [intent, language, text] = line.split('\t');
      if (!isIntent(intent) || !['fr', 'en', 'mix'].includes(language) || !text) throw new Error(`${path}: line ${i + 1} is malformed: ${line}`);
      return { intent, language: language as LabelledUtterance['language'], text };
    });
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  recall: Record<string, number>;
  confusions: { expected: string; got: string; count: number }[];
  errors: { text: string; expected: string; got: string }[];
}

/** Accuracy, macro-F1 over the intents present, recall per intent, and the confusions, most frequent first. */
export function score(pairs: { text: string; expected: string; got: string }[]): Scores {
  const intents = [...new Set(pairs.map((p) => p.expected))].sort();
  const recall: Record<string, number> = {};
  let f1Sum = 0;
  for (const intent of intents) {
    const tp = pairs.filter((p) => p.expected === intent && p.got === intent).length;
    const fn = pairs.filter((p) => p.expected === intent && p.got !== intent).length;
    const fp = pairs.filter((p) => p.expected !== intent && p.got === intent).length;
    recall[intent] = tp / (tp + fn);
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    f1Sum += precision + recall[intent] === 0 ? 0 : (2 * precision * recall[intent]) / (precision + recall[intent]);
  }
  const errors = pairs.filter((p) => p.expected !== p.got);
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(`${e.expected}\t${e.got}`, (counts.get(`${e.expected}\t${e.got}`) ?? 0) + 1);
  const confusions = [...counts.entries()]
    .map(([key, count]) => ({ expected: key.split('\t')[0], got: key.split('\t')[1], count }))
    .sort((a, b) => b.count - a.count);
  return { accuracy: (pairs.length - errors.length) / pairs.length, macroF1: f1Sum / intents.length, recall, confusions, errors };
}

/**
 * k-fold cross-validation over the hand-written phrases of the corpus: each fold is recognised by
 * a recognizer trained on the other folds (and on every generated phrasing). Each phrase with what
 * it came out as, and its language in the corpus. Split 0 deals the phrases out in corpus order
 * (one in k to each fold); any other split deals each phrase by a hash of the split and its words,
 * so that the figure can be read on several splits, none of them chosen.
 */
export async function crossValidate(
  corpus: Corpus,
  train: (corpus: Corpus) => Promise<{ recognize(text: string): Promise<{ intent: string }> }>,
  k = 5,
  split = 0,
): Promise<{ text: string; expected: string; got: string; language: 'fr' | 'en' }[]> {
  const phrases = Object.entries(corpus).flatMap(([intent, p]) =>
    (['fr', 'en'] as const).flatMap((language) => p[language].map((text) => ({ intent, language, text }))),
  );
  const foldOf = (i: number, text: string) => (split === 0 ? i % k : createHash('sha256').update(`${split}\t${text}`).digest().readUInt32BE(0) % k);
  const folds = phrases.map((p, i) => foldOf(i, p.text));
  const pairs = [];
  for (let fold = 0; fold < k; fold++) {
    const training: Corpus = {};
    for (const [i, p] of phrases.entries()) if (folds[i] !== fold) (training[p.intent] ??= { fr: [], en: [] })[p.language].push(p.text);
    const recognizer = await train(training);
    for (const [i, p] of phrases.entries())
      if (folds[i] === fold) pairs.push({ text: p.text, expected: p.intent, got: (await recognizer.recognize(p.text)).intent, language: p.language });
  }
  return pairs;
}
