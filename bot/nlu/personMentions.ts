import { ROLE_ALIASES, SERVICE_ALIASES, SKU_ALIASES } from './catalog';
import { fold } from './entities';
import { conceptsOf } from './concepts';
import { isShortForm, normalise } from './normalise';
import { Corpus } from './nlpRecognizer';

/** First names the training corpus uses in its examples: they are names, not command words. */
const CORPUS_NAMES = new Set(['julie', 'paul', 'marie', 'thomas', 'nadia', 'lea', 'sophie', 'victor', 'julien', 'karim', 'hugo', 'chloe', 'pauline', 'marc']);

const EXTRA_WORDS =
  'a au aux de des du en et la le les l d un une pour par sur avec stp svp merci please to for the of and with from his her their its lui elle leur ' +
  'son sa ses mon ma mes nouveau nouvelle nouvel utilisateur utilisatrice user collegue colleague monsieur madame mr mme mlle qui who est is ' +
  // role names in the plural (« les administrateurs généraux », "the global admins")
  'admins administrateurs administratrices administrators generaux globaux globales ' +
  // the things requests are about, in the plural (« les licences de Paul et de Léa », "passwords for…")
  'passwords licences licenses roles comptes accounts ' +
  // when, and how soon (« Paul part vendredi », "reset Julie's password asap")
  'lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday ' +
  'demain aujourd hui ce soir matin semaine prochaine prochain fin debut mois tomorrow today tonight morning week next end month asap urgent vite ' +
  'starts start commence arrive arrives joins leaves ' +
  // what someone should be or have (« Nadia devrait être admin des licences », "Paul should get E3")
  'doit devrait devra doivent devraient pourrait peut puisse etre should must shall could would might needs need be get gets ' +
  // wanting to know (« J'aimerais savoir qui sont les administrateurs globaux »)
  'aimerais aimerait voudrais voudrait souhaiterais souhaite veux voulais savoir connaitre want wanna know like ' +
  // showing (« peux-tu me montrer les admins », "lemme see")
  'montrer montre affiche afficher lemme gimme see show ' +
  // English contractions cut at their apostrophe ("shouldn't" → « shouldn »)
  'shouldn wouldn couldn mustn didn doesn isn aren wasn weren don won can hasn haven ' +
  // slang for taking away (« faut virer la licence de Victor »)
  'vire virer virez degage degager sucre sucrer prends prend prendre transfere transferer over ' +
  // comparing plans, and shutting someone out (« la différence entre E3 et E5 », "lock Paul out")
  'difference differences between entre compare comparer versus vs lock out ' +
  // someone new, not yet named (« the new joiner Hugo », « la nouvelle recrue »)
  'joiner joiners starter starters newcomer newcomers hire hires recrue recrues arrivant arrivante embauche embauchee ' +
  // being away (« Julie est en congé maternité », "Julie's off on maternity leave")
  'off away leave maternity paternity parental sick holiday holidays vacation conge conges maternite paternite maladie vacances absent absente absence ' +
  // words of time, condition and quantity, never names (« si jamais il reste une E3… », « tous ceux qui n'en ont pas »)
  'si jamais toujours encore deja alors puis ensuite avant apres aussi seulement juste vraiment peut-etre sinon pourquoi normal ' +
  'tous toutes ceux celles chacun chacune ont personne quelqu autres ' +
  'if ever never always already still then before after also only just really maybe otherwise everyone everybody all each those others why how come';

/** The words that join names in a list (« Paul, Léa et Marc », "Paul and Julie"). */
const JOINING = new Set(['et', 'and', 'ou', 'or', 'de', 'a', 'pour', 'for', 'to', '&']);

const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);

/**
 * The words of a message that may name a person (« passe Paul de E3 à E5 » → paul): what is left
 * once the vocabulary of the requests (from the corpus), plan, role and service names, e-mail
 * addresses and numbers are taken out.
 */
export class PersonMentions {
  private readonly vocabulary: Set<string>;
  /** The words requests are made of, without names of things and filler words (« combien », « réinitialise », "reset"; not « licences », which role names use). */
  private readonly requestVocabulary: Set<string>;

  constructor(corpus: Corpus) {
    const phrases = Object.values(corpus).flatMap((p) => [...p.fr, ...p.en]);
    const aliases = [...SKU_ALIASES.map(([alias]) => alias), ...[...ROLE_ALIASES, ...SERVICE_ALIASES].flatMap(([, a]) => a)];
    this.vocabulary = new Set([...phrases, ...aliases, EXTRA_WORDS].flatMap(words).filter((w) => !CORPUS_NAMES.has(w)));
    const notRequestWords = new Set([...aliases, EXTRA_WORDS].flatMap(words));
    this.requestVocabulary = new Set(phrases.flatMap(words).filter((w) => !CORPUS_NAMES.has(w) && !notRequestWords.has(w) && !/\d/.test(w)));
  }

  /** The words of a message that make it a request rather than an answer (a name, a plan, a country). */
  requestWordsIn(text: string): string[] {
    return words(text).filter((w) => this.requestVocabulary.has(w));
  }

  /**
   * The name words, from the clause of the request itself: the one that names someone and speaks of
   * the most ideas of a request (bot/nlu/concepts.ts; the first of them on a tie). « enlève la licence de Thomas, il part à la fin
   * du mois » names Thomas, not « thomas fin mois »; "I am the CEO, reset Camille Martin's password"
   * names Camille Martin, not the CEO. A clause after it that is only names and the words that join
   * them (« …à Paul, Léa et Marc ») still counts: those are more people.
   */
  in(text: string): string[] {
    const clauses = fold(text)
      .replace(/\S+@\S+/g, ' ')
      // « le petit nouveau », « la petite stagiaire »: someone not named (« Léa Petit » still is)
      .replace(/\b(le|la|du|de la|au|a la|notre|ma|mon) (petit|petite) (nouveau|nouvelle|nouvel|jeune|stagiaire)\b/g, '$1 $3')
      .split(/[,;.!?:()]+|\s-\s/)
      .map((clause) => {
        const clauseWords = clause.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
        return { clause, clauseWords, mentions: this.mentionsIn(clauseWords) };
      });
    const naming = clauses.flatMap((c, i) => (c.mentions.length > 0 ? [i] : []));
    if (naming.length === 0) return [];
    // Only when two clauses name someone are their ideas counted (most messages have one clause); the first wins a tie.
    const ideas = naming.length === 1 ? [0] : naming.map((i) => conceptsOf(normalise(clauses[i].clause)).length);
    const chosen = naming[ideas.indexOf(Math.max(...ideas))];
    const found = [...clauses[chosen].mentions];
    for (const { clauseWords, mentions } of clauses.slice(chosen + 1)) {
      if (mentions.length === 0 || !clauseWords.every((w) => mentions.includes(w) || JOINING.has(w))) break;
      found.push(...mentions);
    }
    return found;
  }

  /** `words` (folded, as in() gives them) as the text wrote them, lower case, accents kept (« lefèvre »); a word not found stays as it is. */
  asTyped(text: string, words: string[]): string[] {
    const typed = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean);
    return words.map((word) => typed.find((t) => fold(t) === word) ?? word);
  }

  private mentionsIn(clauseWords: string[]): string[] {
    return (
      clauseWords
        .map((w) => w.replace(/^-+|-+$/g, ''))
        .filter((w) => w.length >= 2 && !this.vocabulary.has(w) && !/\d/.test(w) && !isShortForm(w))
        // « donne-lui », « passe-le »: a verb and its pronoun, not a hyphenated name like Jean-Pierre.
        .filter((w) => !(w.includes('-') && w.split('-').every((part) => this.vocabulary.has(part))))
    );
  }
}
