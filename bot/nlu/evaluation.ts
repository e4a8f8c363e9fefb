import { readFileSync } from 'node:fs';
import { projectPath } from '../host/paths';
import { Intent, isIntent } from './recognizer';

export interface LabelledUtterance {
  intent: Intent;
  language: 'fr' | 'en' | 'mix';
  text: string;
}

/** nlu/evaluation.tsv: the labelled set the recognizer is measured on, never trained on. */
export function loadEvaluationSet(path = projectPath('nlu', 'evaluation.tsv')): LabelledUtterance[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const [intent, language, text] = line.split('\t');
      if (!isIntent(intent) || !['fr', 'en', 'mix'].includes(language) || !text) throw new Error(`nlu/evaluation.tsv line ${i + 2} is malformed: ${line}`);
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
