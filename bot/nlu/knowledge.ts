import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { Locale } from '../presentation/i18n';
import { projectPath } from '../host/paths';
import { fold } from './entities';
import { normalise } from './normalise';
import { Intent, isIntent } from './recognizer';

type Bilingual = Record<Locale, string>;

/** Words that say nothing about a topic, in either language. */
const STOP_WORDS = new Set(
  (
    'une des les sur pas par que qui quoi fait faut est sont avec dans pour mon mes ton tes son ses nos vos leur cette ces tout tous plus moins comme ' +
    'elle ils nous vous mais donc puis aussi bien tres peu faire avoir etre the and for with you your are was can how what who this that from have not ' +
    'any all out our they them will would should could into also just very ' +
    // numbers say nothing of a topic (« deux méthodes », "what is two plus two")
    'two three four five six ten deux trois quatre cinq six dix'
  ).split(' '),
);

export interface Article {
  id: string;
  intent: Intent;
  title: Bilingual;
  body: Bilingual;
  keywords: Bilingual;
  links: { title: Bilingual; url: string }[];
  next?: { action: Intent; title: Bilingual };
  /** The Microsoft documentation each fact rests on, shown with the article. */
  sources: { title: Bilingual; url: string }[];
  /** When the facts were last checked against those sources (YYYY-MM-DD). */
  checked: string;
}

/**
 * The bilingual knowledge base (knowledge/articles.json, written from the administrators' guide):
 * found by intent, or searched with MiniSearch (prefix and typo tolerant, accents ignored).
 */
export class KnowledgeBase {
  private readonly articles: Article[];
  private readonly indexes: Record<Locale, MiniSearch>;

  constructor(path = projectPath('knowledge', 'articles.json')) {
    this.articles = JSON.parse(readFileSync(path, 'utf8')) as Article[];
    for (const article of this.articles) {
      if (!isIntent(article.intent)) throw new Error(`knowledge/articles.json: ${article.id} names an unknown intent ${article.intent}`);
      if (article.next && !isIntent(article.next.action)) throw new Error(`knowledge/articles.json: ${article.id} offers an unknown action`);
    }
    const index = (locale: Locale) => {
      const search = new MiniSearch({
        fields: ['title', 'keywords', 'body'],
        storeFields: ['id'],
        processTerm: (term) => {
          const folded = fold(term);
          return folded.length < 3 || STOP_WORDS.has(folded) ? null : folded;
        },
        searchOptions: { boost: { title: 3, keywords: 2 }, prefix: true, fuzzy: 0.2 },
      });
      search.addAll(this.articles.map((a) => ({ id: a.id, title: a.title[locale], keywords: a.keywords[locale], body: a.body[locale] })));
      return search;
    };
    this.indexes = { fr: index('fr'), en: index('en') };
  }

  get(id: string): Article | undefined {
    return this.articles.find((a) => a.id === id);
  }

  /** The articles that answer an intent, in file order. */
  all(): readonly Article[] {
    return this.articles;
  }

  forIntent(intent: Intent): Article[] {
    return this.articles.filter((a) => a.intent === intent);
  }

  /**
   * Of the articles answering `intent`, the one `text` names something of that the others do not
   * (« … sur mon iPhone »: the phone one, by its keyword « iphone »); none when it names nothing
   * that tells them apart. Words are compared folded, a word and its longer form alike (« configure », « configurer »),
   * short forms as the words they stand for (« tel », « ordi »).
   */
  bestFor(intent: Intent, text: string, locale: Locale): Article | undefined {
    const candidates = this.forIntent(intent);
    // The words as written and as the short forms mean them (« tel » is a phone, « ordi » a computer).
    const words = `${fold(text)} ${normalise(text)}`.split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
    const keywords = candidates.map((a) => new Set(fold(a.keywords[locale]).split(/\s+/)));
    const same = (word: string, keyword: string) =>
      word === keyword || (word.length >= 4 && keyword.startsWith(word)) || (keyword.length >= 4 && word.startsWith(keyword));
    const scores = candidates.map((_, i) => {
      const distinctive = [...keywords[i]].filter((k) => !keywords.some((other, j) => j !== i && other.has(k)));
      return words.filter((w) => distinctive.some((k) => same(w, k))).length;
    });
    const best = Math.max(0, ...scores);
    return best > 0 ? candidates[scores.indexOf(best)] : undefined;
  }

  /** The best answers to free text, best first; nothing when nothing is relevant. */
  search(text: string, locale: Locale, limit = 2): Article[] {
    const results = this.indexes[locale].search(text, { combineWith: 'OR' });
    const best = results[0]?.score ?? 0;
    return results
      .filter((r) => r.score >= Math.max(5, best / 3))
      .slice(0, limit)
      .map((r) => this.get(String(r.id))!)
      .filter(Boolean);
  }
}
