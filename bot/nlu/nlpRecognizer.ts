import { readFileSync } from 'node:fs';
import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangFr } from '@nlpjs/lang-fr';
import { projectPath } from '../host/paths';
import { Intent, isIntent, Recognition, Recognizer } from './recognizer';
import { extractEntities, forClassifier } from './entities';
import { detectLanguage } from './language';

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
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<NlpResult>;
}

/** Below this score the best intent is not trusted: the message is `none` and the fallback offers choices. */
export const THRESHOLD = 0.6;

/**
 * The offline recognizer: nlp.js, trained at start-up (about 50 ms) from nlu/corpus.json.
 * One model holds both languages' phrases (measured here to do as well as two models with a
 * language guess); its French normaliser strips accents, and spell checking absorbs typos.
 * Entities come from our own catalogue (bot/nlu/catalog.ts), the language from bot/nlu/language.ts.
 */
export class NlpRecognizer implements Recognizer {
  private constructor(private readonly nlp: NlpEngine) {}

  static async train(corpus: Corpus = loadCorpus()): Promise<NlpRecognizer> {
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
    Object.assign(nlp.settings, { autoSave: false, autoLoad: false, log: false, spellCheck: true, threshold: THRESHOLD, nlu: { log: false } });
    nlp.addLanguage('fr');
    for (const [intent, phrases] of Object.entries(corpus)) {
      if (!isIntent(intent)) throw new Error(`nlu/corpus.json: "${intent}" is not one of the recognizer's intents (bot/nlu/recognizer.ts)`);
      for (const phrase of [...phrases.fr, ...phrases.en]) nlp.addDocument('fr', forClassifier(phrase), intent);
    }
    await nlp.train();
    return new NlpRecognizer(nlp);
  }

  async recognize(text: string): Promise<Recognition> {
    const cleaned = text.trim().slice(0, 500);
    const entities = extractEntities(cleaned);
    const language = detectLanguage(cleaned);
    if (cleaned === '') return { text, intent: 'none', score: 1, entities, language };
    // An incident number alone (« INC-000123 ? », « ticket 12 ») asks where it stands.
    if (entities.some((e) => e.type === 'incident') && /^ticket\W*$/.test(forClassifier(cleaned)))
      return { text, intent: 'incident.status', score: 1, entities, language };
    const result = await this.nlp.process('fr', forClassifier(cleaned));
    const alternatives = (result.classifications ?? []).filter((c) => isIntent(c.intent) && c.intent !== 'none' && c.score > 0.05).slice(0, 3) as {
      intent: Intent;
      score: number;
    }[];
    const trusted = isIntent(result.intent) && result.score >= THRESHOLD;
    return {
      text,
      intent: trusted ? (result.intent as Intent) : 'none',
      score: trusted ? result.score : 1 - (alternatives[0]?.score ?? 0),
      entities,
      language,
      alternatives,
    };
  }
}
