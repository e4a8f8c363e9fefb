import { readFileSync } from 'node:fs';
import { projectPath } from '../host/paths';
import type { Corpus } from './nlpRecognizer';
import { isIntent } from './recognizer';

/** How many phrasings one pattern gives at most (a pattern with many choices would drown the hand-written phrases). */
const PER_PATTERN = 24;

/**
 * Every phrasing a pattern stands for: « {a|b} » is one of its choices (choices may hold
 * patterns), « [x] » may be left out.
 */
export function expand(pattern: string): string[] {
  const parts = parse(pattern, 0, '');
  return [...new Set(parts.items.map((s) => s.replace(/\s+/g, ' ').trim()))].filter(Boolean);
}

interface Parsed {
  items: string[];
  end: number;
}

/** Reads a sequence up to `stop` (one of '|', '}', ']', or the end), expanding it. */
function parse(pattern: string, start: number, stop: string): Parsed {
  let items = [''];
  let i = start;
  const append = (choices: string[]) => (items = items.flatMap((prefix) => choices.map((c) => prefix + c)));
  while (i < pattern.length && !stop.includes(pattern[i])) {
    const c = pattern[i];
    if (c === '{') {
      const choices: string[] = [];
      i++;
      for (;;) {
        const alternative = parse(pattern, i, '|}');
        choices.push(...alternative.items);
        i = alternative.end;
        if (pattern[i] === '}') break;
        i++; // past '|'
      }
      append(choices);
      i++;
    } else if (c === '[') {
      const optional = parse(pattern, i + 1, ']');
      append(['', ...optional.items]);
      i = optional.end + 1;
    } else {
      append([c]);
      i++;
    }
  }
  return { items, end: i };
}

/** A fixed shuffle (the same every start), so that the phrasings kept from a large pattern are spread over its choices. */
function spread<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0 || 1;
  const random = () => (state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 4294967296;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** nlu/templates.json expanded: for each intent, the phrasings its patterns give (a bounded number each). */
export function loadTemplates(path = projectPath('nlu', 'templates.json')): Corpus {
  const patterns = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[] | string>;
  const corpus: Corpus = {};
  for (const [intent, list] of Object.entries(patterns)) {
    if (intent.startsWith('_')) continue;
    if (!isIntent(intent) || !Array.isArray(list)) throw new Error(`nlu/templates.json: "${intent}" is not one of the recognizer's intents`);
    corpus[intent] = { fr: list.flatMap((pattern, n) => spread(expand(pattern), n + intent.length * 131).slice(0, PER_PATTERN)), en: [] };
  }
  return corpus;
}
