import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangFr } from '@nlpjs/lang-fr';
import { projectPath } from '../host/paths';
import { Intent, isIntent, Recognition, Recognizer } from './recognizer';
import { extractEntities, namesOnlyServices } from './entities';
import { normalise } from './normalise';
import { detectLanguage } from './language';
import { heldOutSentences, NearDuplicates } from './evaluation';
import { LinearClassifier, LinearModel } from './linearClassifier';
import { loadTemplates } from './templates';

export type Corpus = Record<string, { fr: string[]; en: string[] }>;

export function loadCorpus(path = projectPath('nlu', 'corpus.json')): Corpus {
  return JSON.parse(readFileSync(path, 'utf8')) as Corpus;
}

interface NlpResult {
  intent: string;
  score: number;
  classifications?: { intent: string; score: number }[];
}

interface NlpEngine {
  settings: Record<string, unknown>;
  export(minified?: boolean): string;
  import(data: string): void;
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<NlpResult>;
}

/**
 * Below this score the best intent is not trusted: the message is `none` and the fallback offers
 * choices. Chosen by cross-validation over the corpus (`npm run bench:nlu`), never on the held-out sets.
 */
export const THRESHOLD = 0.35;
/**
 * The intents that carry no request of their own — stopping what is under way, showing the help
 * card — need more confidence: a cancel guessed wrong throws away a half-filled request, and
 * everyday words (« j'ai faim », "I like cats") land on them for want of anything better. Chosen
 * by cross-validation, as THRESHOLD.
 */
const CONTENTLESS_THRESHOLD: Partial<Record<Intent, number>> = { cancel: 0.55, help: 0.55 };
/** How much the linear model counts beside nlp.js's (chosen by cross-validation as the threshold). */
const LINEAR_WEIGHT = 0.8;
/**
 * How far ahead of the second intent the best must be to be trusted: two intents within a hair of
 * each other are a question to ask, not a guess to act on. Cross-validation alone would take 0
 * (97.4 % against 97.5 %, the mean of three splits); a near tie is asked for the person's sake.
 */
const MARGIN = 0.05;

/** How much a generated phrasing (nlu/templates.json) counts beside a hand-written one in the linear model. */
const TEMPLATE_WEIGHT = 0.3;

/** The two models' opinions on one normalised text: each intent with its probability. */
type Opinion = Map<string, number>;

/**
 * The offline recognizer, trained at start-up from nlu/corpus.json (hand-written phrases) and
 * nlu/templates.json (phrasings generated from patterns): two models on the normalised text
 * (bot/nlu/normalise.ts), their probabilities averaged —
 * - nlp.js's neural classifier on the hand-written phrases (its French stemmer, its spell checker);
 * - a logistic regression over words, word pairs, letter sequences and the ideas the words stand
 *   for (bot/nlu/linearClassifier.ts, bot/nlu/concepts.ts), on both, so that typos, missing accents,
 *   word forms and synonyms never seen still resemble known ones.
 * Below THRESHOLD the message is `none`. Entities come from our own catalogue
 * (bot/nlu/catalog.ts), the language from bot/nlu/language.ts.
 */
export class NlpRecognizer implements Recognizer {
  private constructor(
    private readonly nlp: NlpEngine,
    private readonly linear: LinearClassifier,
  ) {}

  /**
   * The recognizer the build trained (dist/nlu-model.json, written by `npm run build`) when it was
   * trained on the corpus and templates as they are now; otherwise trained here (a second or so).
   */
  static async load(path = projectPath('dist', 'nlu-model.json')): Promise<NlpRecognizer> {
    const corpus = loadCorpus();
    const templates = loadTemplates();
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedModel;
      if (saved.trainedOn === fingerprint(corpus, templates)) {
        const nlp = await nlpJsEngine();
        nlp.import(saved.nlpJs);
        return new NlpRecognizer(nlp, LinearClassifier.import(saved.linear));
      }
    } catch {
      // No model saved by the build, or one of another corpus: trained below.
    }
    return NlpRecognizer.train(corpus, templates);
  }

  /** Saves what `load` reads: both models and what they were trained on. */
  save(path: string, corpus: Corpus = loadCorpus(), templates: Corpus = loadTemplates()): void {
    const saved: SavedModel = { trainedOn: fingerprint(corpus, templates), nlpJs: this.nlp.export(true), linear: this.linear.export() };
    writeFileSync(path, JSON.stringify(saved));
  }

  /** Trains both models on the corpus and the templates, leaving out every phrase that is a near-duplicate of a held-out sentence. */
  static async train(
    corpus: Corpus = loadCorpus(),
    templates: Corpus = loadTemplates(),
    heldOut = new NearDuplicates(heldOutSentences()),
  ): Promise<NlpRecognizer> {
    for (const intent of Object.keys(corpus))
      if (!isIntent(intent)) throw new Error(`nlu/corpus.json: "${intent}" is not one of the recognizer's intents (bot/nlu/recognizer.ts)`);
    const phrases = (c: Corpus) =>
      Object.entries(c).flatMap(([intent, p]) =>
        [...p.fr, ...p.en].filter((phrase) => heldOut.of(phrase) === undefined).map((phrase) => ({ text: normalise(phrase), label: intent })),
      );
    const handWritten = phrases(corpus);
    const linear = LinearClassifier.train([
      ...handWritten,
      ...phrases(templates).map((p) => ({ ...p, weight: TEMPLATE_WEIGHT })),
      ...politeVariants(handWritten).map((p) => ({ ...p, weight: TEMPLATE_WEIGHT })),
    ]);
    return new NlpRecognizer(await trainNlpJs(handWritten), linear);
  }

  async recognize(text: string): Promise<Recognition> {
    const cleaned = text.trim().slice(0, 500);
    const entities = extractEntities(cleaned);
    const language = detectLanguage(cleaned);
    if (cleaned === '') return { text, intent: 'none', score: 1, entities, language };
    const normalised = normalise(cleaned);
    // An incident number alone (« INC-000123 ? », « ticket 12 ») asks where it stands.
    if (entities.some((e) => e.type === 'incident') && /^ticket\W*$/.test(normalised)) return { text, intent: 'incident.status', score: 1, entities, language };
    const opinion = combine(await this.nlpJsOpinion(normalised), this.linearOpinion(normalised));
    const ranked = [...opinion.entries()].filter(([intent]) => isIntent(intent)).sort((a, b) => b[1] - a[1]) as [Intent, number][];
    const [best, score] = ranked[0] ?? ['none', 0];
    const alternatives = ranked
      .filter(([intent, s]) => intent !== 'none' && s > 0.05)
      .slice(0, 3)
      .map(([intent, s]) => ({ intent, score: s }));
    const second = ranked[1]?.[1] ?? 0;
    // A product named alone (« outlook », « teams ? ») is a topic, not a request: the likeliest requests are offered.
    const trusted = best !== 'none' && score >= (CONTENTLESS_THRESHOLD[best] ?? THRESHOLD) && score - second >= MARGIN && !namesOnlyServices(cleaned);
    // An incident named by its number exists already: the message follows it, it does not declare it.
    const intent = trusted && best === 'incident.declare' && entities.some((e) => e.type === 'incident') ? 'incident.status' : best;
    return {
      text,
      intent: trusted ? intent : 'none',
      score: trusted ? score : 1 - (alternatives[0]?.score ?? 0),
      entities,
      language,
      alternatives,
    };
  }

  private async nlpJsOpinion(normalised: string): Promise<Opinion> {
    const result = await this.nlp.process('fr', normalised);
    return new Map((result.classifications ?? []).map((c) => [c.intent, c.score]));
  }

  private linearOpinion(normalised: string): Opinion {
    return new Map(this.linear.classify(normalised).map((c) => [c.label, c.score]));
  }
}

/** The ways people wrap a request (« peux-tu … », "could you … please"), in both languages. */
const WRAPPINGS: [string, string][] = [
  ['peux-tu ', ''],
  ['', ' stp'],
  ["j'aimerais ", ''],
  ['est-ce que tu peux ', ' merci'],
  ['please ', ''],
  ['can you ', ''],
  ['', ' please'],
  ['could you ', ' thanks'],
  ['pourriez-vous ', ''],
  ['je souhaiterais ', ''],
  ['merci de ', ''],
  ['would you mind ', ''],
  ["i'd like you to ", ''],
  ['could you please ', ''],
  ['', ' asap'],
  ['', ' svp merci'],
];

/**
 * Each hand-written request once more, wrapped as people wrap requests (one wrapping each, the
 * same every time), so that « peux-tu … » or "… please" never weighs on the intent. Cancels,
 * greetings and out-of-domain phrases are left as they are.
 */
function politeVariants(phrases: { text: string; label: string }[]): { text: string; label: string }[] {
  return phrases
    .filter((p) => !['none', 'cancel', 'help'].includes(p.label))
    .map((p, i) => {
      const [before, after] = WRAPPINGS[i % WRAPPINGS.length];
      return { text: normalise(`${before}${p.text}${after}`), label: p.label };
    });
}

/** The two opinions averaged, the linear model's weighing LINEAR_WEIGHT. */
function combine(nlpJs: Opinion, linear: Opinion): Opinion {
  const sum = [...nlpJs.values()].reduce((a, b) => a + b, 0) || 1;
  const combined: Opinion = new Map();
  for (const intent of new Set([...nlpJs.keys(), ...linear.keys()])) {
    combined.set(intent, (1 - LINEAR_WEIGHT) * ((nlpJs.get(intent) ?? 0) / sum) + LINEAR_WEIGHT * (linear.get(intent) ?? 0));
  }
  return combined;
}

interface SavedModel {
  /** The corpus and templates the models were trained on, and the code that read them. */
  trainedOn: string;
  nlpJs: string;
  linear: LinearModel;
}

/** What a saved model must have been trained on: these phrases, by this normalisation and these features. */
function fingerprint(corpus: Corpus, templates: Corpus): string {
  const heldOut = heldOutSentences();
  const code = ['normalise.js', 'concepts.js', 'linearClassifier.js', 'entities.js', 'nlpRecognizer.js', 'evaluation.js'].map((file) =>
    readFileSync(join(__dirname, file), 'utf8'),
  );
  return createHash('sha256')
    .update(JSON.stringify([corpus, templates, heldOut, code]))
    .digest('hex');
}

/** nlp.js's neural classifier, trained on normalised phrases. */
async function trainNlpJs(phrases: { text: string; label: string }[]): Promise<NlpEngine> {
  const nlp = await nlpJsEngine();
  for (const { text, label } of phrases) nlp.addDocument('fr', text, label);
  await nlp.train();
  return nlp;
}

/** An nlp.js engine with our settings, untrained. */
async function nlpJsEngine(): Promise<NlpEngine> {
  const container = await containerBootstrap();
  // nlp.js's own defaults for its classifier, registered first so that they are the ones used:
  // spell checking on (typos), training quiet (it prints every epoch otherwise).
  container.registerConfiguration(
    'nlu-??',
    { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: true, spellCheckDistance: 1, filterZeros: true, log: false },
    true,
  );
  container.use(Nlp);
  container.use(LangFr);
  const nlp = container.get('nlp') as NlpEngine;
  Object.assign(nlp.settings, { autoSave: false, autoLoad: false, log: false, spellCheck: true, threshold: 0, nlu: { log: false } });
  nlp.addLanguage('fr');
  return nlp;
}
