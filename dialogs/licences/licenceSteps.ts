import { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { LicensePlan, LicenseService, plansMeant } from '../../bot/features/licences/licenses';
import { productName } from '../../bot/features/licences/skuCatalog';
import { SKU_ALIASES } from '../../bot/nlu/catalog';
import { extractEntities, fold } from '../../bot/nlu/entities';
import { LICENCE_MISSPELLINGS } from '../../bot/nlu/normalise';
import type { Recognition } from '../../bot/nlu/recognizer';
import { choicePrompt } from '../core/cardPrompt';
import { WriteServices, WriteSteps } from '../core/writeSteps';
import type { Operation } from '../../bot/policy/capabilities';

/** « licence E7 », « abonnement Netflix », "E7 license", "Netflix subscription": the word next to the word licence. */
const PLAN_WORD_BESIDE_LICENCE =
  /\b(?:licen[cs]es?|abonnements?|subscriptions?)\s+([\p{L}\p{N}][\p{L}\p{N}+-]*)|([\p{L}\p{N}][\p{L}\p{N}+'-]*)\s+(?=(?:licen[cs]es?|subscriptions?)\b)/giu;

/** Words found beside « licence » that are not a plan's name: articles, possessives, quantities, the product family. */
const NOT_A_PLAN = new Set(
  (
    'a an the one any some another new more extra free paid my your his her their our its this that to for of on with please ' +
    'une un la le les l de du des d a au aux en sur pour avec mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cette cet ' +
    'nouvelle nouveau autre deux plus stp svp payante gratuite office microsoft m365 o365 365 utilisateur user'
  ).split(' '),
);
/** Every word of every plan name we know (« business », « standard », « exchange »…). */
const PLAN_NAME_WORDS = new Set(SKU_ALIASES.flatMap(([alias]) => alias.split(/\s+/)));

/** Where a change names the plan it goes to: beside « licence », or after « en », « vers », "to" (« passe Julie en E7 »). */
export const PLAN_WORD_OF_A_CHANGE = new RegExp(
  `${PLAN_WORD_BESIDE_LICENCE.source}|\\b(?:en|vers|sur|to|into|onto)\\s+([\\p{L}\\p{N}][\\p{L}\\p{N}+-]*)\\s*[?!.]*$`,
  'giu',
);

/** Words that make a request a licence request: a licence, a plan (or a code like one: « E9 »), a product a licence brings. */
const LICENCE_WORDS = new RegExp(
  `\\b(licen[cs]\\w*|lic|${LICENCE_MISSPELLINGS}|abonnements?|subscriptions?|seats?|sieges?|plans?|office|outlook|teams|exchange|sharepoint|onedrive|word|excel|powerpoint|copilot|mailbox|boite mail|boite aux lettres|adresse mail|email address|microsoft 365|office 365|o365|m365|[a-z]\\d{1,2})\\b`,
);

/**
 * Whether a request is about a licence at all: a plan or a licence word in it, or a button of ours.
 * « ajoute Paul au groupe Ventes » is not, whatever the recognizer guessed.
 */
export function namesALicence(recognition: Recognition): boolean {
  return recognition.clicked === true || recognition.entities.some((e) => e.type === 'sku') || LICENCE_WORDS.test(fold(recognition.text));
}

/** « on peut acheter des licences ? », "how do I buy more licenses", « il nous faut 3 licences de plus »: buying, which the bot explains. */
export function asksToBuy(text: string): boolean {
  const folded = fold(text);
  return (
    /\b(achet\w*|acheter|achat|buy\w*|purchas\w*|commander|order)\b/.test(folded) ||
    /\b(il (?:me |nous )?faut|need|needs|besoin de)\b.*\b(de plus|en plus|supplementaires?|more|additional|extra)\b/.test(folded)
  );
}

export interface LicenceServices extends WriteServices {
  licenses: LicenseService;
}

/**
 * A licence moved from one person to another (« prends la licence de Marc et donne-la à Julie »,
 * « transfère la licence de Paul à Hugo », "move Julie's license over to Hugo"): two requests here.
 */
const TRANSFER =
  /\b((prend\w*|recuper\w*|retir\w*|enlev\w*|take|remove)\b.*\b(donne\w*|attribu\w*|affect\w*|met\w*|give|assign|put)\b.*\b(a|au|to)\b|(transf[eè]r\w*|transfer\w*|move|moves|swap|pass|passe\w*|bascul\w*) .*\b(licen[cs]e|licence|abonnement|subscription|seat)\b.*\b(de|d'|from|of)\b.*\b(a|au|to|over to)\b|(transf[eè]r\w*|transfer\w*|move|swap|pass) ((\S+ ){0,2}\S+'s|sa|la|his|her) (licen[cs]e|licence|seat)\b.*\b(a|au|to|over to)\b)/;

/** One person's plan taken away and another given (« retire la licence de Paul et donne-lui une E5 »): a change, asked in one request. */
const REMOVE_THEN_GIVE_SAME =
  /\b(retir\w*|enlev\w*|remove|take)\b.*\b(et|and|puis|then|pour)\b.*\b((donne|attribue|affecte|mets|met)-lui|lui (donner|attribuer|mettre)|give (him|her|them)|put (him|her|them) on|assign (him|her|them))\b/;

/** The steps the licence dialogs share besides every write's: plans named or chosen, units left. */
export class LicenceSteps extends WriteSteps {
  constructor(private readonly licences: LicenceServices) {
    super(licences);
  }

  /** Who the request is about, once the caller may act; a licence moved between two people is two requests, and one person's plan replaced is one. */
  override async findTarget(step: WaterfallStepContext<Recognition>, intent: Operation): Promise<DialogTurnResult> {
    const text = fold(step.options.text);
    if (TRANSFER.test(text) && this.s.names.in(step.options.text).length >= 2) return this.explainInstead(step, intent, 'license.transfer');
    if (REMOVE_THEN_GIVE_SAME.test(text)) return this.explainInstead(step, intent, 'license.change.inOne');
    return super.findTarget(step, intent);
  }

  /** The plans a request names, by the names people know them by (« Office 365 E1 », not STANDARDPACK). */
  namedPlanWords(recognition: Recognition): string {
    return recognition.entities
      .filter((e) => e.type === 'sku')
      .map((e) => productName(e.value))
      .join(', ');
  }

  /** The tenant's plans named in the request (all of them when « E3 » is ambiguous and both are held). */
  plansNamed(recognition: Recognition, inventory: LicensePlan[]): LicensePlan[][] {
    return recognition.entities.filter((e) => e.type === 'sku').map((e) => plansMeant(e.candidates ?? [e.value], inventory));
  }

  /**
   * A word written as a plan's name that is no plan we know, no word of a plan's names, no filler
   * word and no part of the person's name (« une licence E7 », "a Netflix license"), as typed: said
   * before the chooser.
   */
  unknownPlanIn(
    recognition: Recognition,
    person: { displayName: string; userPrincipalName: string },
    where: RegExp = PLAN_WORD_BESIDE_LICENCE,
  ): string | undefined {
    if (recognition.entities.some((e) => e.type === 'sku')) return undefined;
    const personal = new Set(fold(`${person.displayName} ${person.userPrincipalName.split('@')[0]}`).split(/[^\p{L}\p{N}]+/u));
    const known = (word: string) => NOT_A_PLAN.has(word) || PLAN_NAME_WORDS.has(word) || personal.has(word.replace(/'s$/, ''));
    return [...recognition.text.matchAll(where)].map((m) => m.slice(1).find(Boolean)).find((word) => word !== undefined && !known(fold(word)));
  }

  /** The prompt of the plan choosers: a click on the card, or a plan named in a typed answer (« Business Basic », « E3 »). */
  planPrompt() {
    return choicePrompt('plan', (text, offered) => {
      const meant = extractEntities(text)
        .filter((e) => e.type === 'sku')
        .flatMap((e) => e.candidates ?? [e.value])
        .map((partNumber) => offered.names?.[partNumber])
        .filter((skuId): skuId is string => skuId !== undefined);
      return new Set(meant).size === 1 ? meant[0] : undefined;
    });
  }

  /** A card to choose a plan among `plans`, each with its free units; the next step gets its skuId (planFrom). */
  askPlan(step: WaterfallStepContext, question: string, plans: LicensePlan[]): Promise<DialogTurnResult> {
    const choices = plans.map((p) => ({ title: this.t(step.context, 'plan.choice', { plan: p.name, free: p.free }), value: p.skuId }));
    return this.askChoice(step, 'plan', question, 'plan.label', choices, Object.fromEntries(plans.map((p) => [p.skuPartNumber, p.skuId])));
  }

  /** Free units of a plan as they are now (after the write). */
  async freeNow(plan: LicensePlan): Promise<number> {
    return (await this.licences.licenses.inventory()).find((p) => p.skuId === plan.skuId)?.free ?? 0;
  }
}

/** « à la place de », "instead of": the plan after these words is the one given up, not the one wanted. */
const INSTEAD_OF = /(?<![\p{L}\p{N}])(instead of|rather than|[àa] la place d|au lieu d|plut[ôo]t qu)/iu;

/**
 * The words of a change that name the plan wanted: « passe Julie en E5 à la place de l'E3 », "put
 * Julie on E5 instead of E3" want E5, whichever is named last.
 */
export function wantedPart(recognition: Recognition): Recognition {
  const at = INSTEAD_OF.exec(recognition.text)?.index;
  if (at === undefined) return recognition;
  const before = recognition.text.slice(0, at);
  return { ...recognition, text: before, entities: extractEntities(before) };
}

/**
 * The plan the previous step gave: passed on with step.next(plan), or chosen on the plan card
 * (its skuId, one of `plans`).
 */
export function planFrom(step: WaterfallStepContext, plans: LicensePlan[]): LicensePlan | undefined {
  const result: unknown = step.result;
  if (result && typeof result === 'object' && 'skuId' in result) return result as LicensePlan;
  return typeof result === 'string' ? plans.find((p) => p.skuId === result) : undefined;
}
