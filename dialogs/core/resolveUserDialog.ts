import { randomUUID } from 'node:crypto';
import { Dialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { NotFound } from '../../bot/policy/errors';
import type { PeopleFound, Person } from '../../bot/features/directory/directory';
import { Localizer } from '../../bot/presentation/i18n';
import { extractEntities, fold } from '../../bot/nlu/entities';
import { askerOf, localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog, dropAndReroute, Interruptions } from './cancelAndHelpDialog';

export const RESOLVE_USER_DIALOG = 'resolveUserDialog';
const LOOKUP = 'lookup';
const MAX_CHOICES = 8;

/** « moi », « à moi », "me", "for me", "myself" typed alone (folded): the caller, answering who. */
const SELF_ALONE = /^(a |pour |for |to )?(moi|me|myself|moi-meme)\W*$/;

/** Whether an answer to « who? » is the caller themselves (« moi », "me"): an answer, never a call for help. */
export function answersWithSelf(text: string): boolean {
  return SELF_ALONE.test(fold(text).trim());
}

/**
 * The caller, named by a pronoun (« donne-moi une licence », "give me the helpdesk role", « moi »
 * typed when asked who) or by what they hold (« retire mon rôle d'admin », "remove my license");
 * « mon collègue » is not them.
 */
const SELF = new RegExp(
  [
    // « moi », "me", "for me" typed alone
    SELF_ALONE.source,
    // « donne-moi », « à moi », « pour moi » (« aide-moi à attribuer une licence » is not for them)
    '\\b(donne|attribue|affecte|met|mets|ajoute|accorde|octroie|passe|retire|enleve|ote|fais|rends|reinitialise)-moi\\b|\\b(a|pour) moi\\b|\\bmoi-meme\\b',
    // "give me", "make me", "myself" ("help me assign a license" is not for them)
    '\\b(give|get|assign|grant|make|set|put|add|upgrade|move|switch|remove|revoke|reset) me\\b|\\bmyself\\b',
    // « mon rôle », "my license": what they hold
    '\\b(my|mon|ma|mes) (own )?(\\S+ )?(roles?|licen[cs]es?|droits|rights|comptes?|accounts?|abonnements?|subscriptions?|plans?|acces|access|admin\\w*)\\b',
  ].join('|'),
);

/** Whether a request is about the caller themselves (« donne-moi une licence », "remove my admin role"), naming no one else. */
export function namesTheCaller(text: string): boolean {
  return SELF.test(fold(text).trim());
}

export interface PeopleDirectory {
  person(upnOrId: string): Promise<Person>;
  findPeople(words: string[]): Promise<PeopleFound>;
}

export interface NameFinder {
  in(text: string): string[];
  /** The words as the text wrote them (accents kept: « lefèvre » for « lefevre »). */
  asTyped(text: string, words: string[]): string[];
}

export interface ResolveUserOptions {
  email?: string;
  words?: string[];
  /** An answer that named nobody (« licences » typed when asked who): said back, so the question is not just asked again. */
  namedNobody?: string;
  /** The question when the request named nobody, saying what for (« À qui attribuer une licence ? »); else « De qui s'agit-il ? ». */
  ask?: string;
  /** What `words` found, when the caller searched already: the directory is not asked twice. */
  found?: PeopleFound;
  /**
   * The domain of a new account, when the request may be for someone not in the directory yet (a new
   * administrator): a name that finds nobody gets an address to create offered (marc.lefevre@domain),
   * and an address that is nobody's ends the dialog with `{ newAccount }` rather than asking again.
   */
  newAccountDomain?: string;
}

/** What ResolveUserDialog ends with when `newAccountDomain` was given and the address typed is nobody's yet. */
export interface NewAccount {
  newAccount: string;
}

interface LookupState {
  candidates?: Person[];
  nonce?: string;
}

/**
 * Finds the person a request is about: by e-mail, or by name through the directory; when several
 * people match, a card to choose from; when none, asks again. Ends with the Person.
 */
export class ResolveUserDialog extends CancelAndHelpDialog {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly names: NameFinder,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    interruptions: Interruptions,
  ) {
    super(RESOLVE_USER_DIALOG, interruptions);
    this.addDialog(new WaterfallDialog(LOOKUP, [this.lookupStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = LOOKUP;
  }

  private async lookupStep(step: WaterfallStepContext<ResolveUserOptions>): Promise<DialogTurnResult> {
    const { email, words = [], namedNobody, ask, found, newAccountDomain } = step.options ?? {};
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const state = step.values as LookupState;
    if (email) {
      try {
        return await step.endDialog(await this.directory.person(email));
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        if (newAccountDomain) return step.endDialog({ newAccount: email } satisfies NewAccount);
        return this.ask(step, t('resolveUser.notFound', { who: email }));
      }
    }
    const caller = step.context.activity.from?.aadObjectId;
    if (words.length === 0 && caller && namesTheCaller(step.context.activity.text ?? '')) return step.endDialog(await this.directory.person(caller));
    if (words.length === 0) {
      // « julie@exemple »: an address cut short is said so, rather than taken for no answer at all.
      const partial = /\S+@\S*/.exec(step.context.activity.text ?? '')?.[0];
      if (partial) return this.ask(step, t('resolveUser.badAddress', { text: partial }));
      return this.ask(step, namedNobody ? t('resolveUser.namedNobody', { text: namedNobody }) : (ask ?? t('resolveUser.ask')));
    }
    const { people, partly, several } = found ?? (await this.find(words, step.context.activity.text ?? ''));
    const newAddress = newAccountDomain && `${words.map(fold).join('.')}@${newAccountDomain}`;
    if (people.length === 0)
      return this.ask(step, t(newAddress ? 'resolveUser.noMatchOrNew' : 'resolveUser.noMatch', { words: words.join(' '), address: newAddress }));
    // Someone whose name is only close to the one typed is offered, never taken.
    if (people.length === 1 && !partly) return step.endDialog(people[0]);
    if (people.length > MAX_CHOICES) return this.ask(step, t('resolveUser.tooMany'));
    state.candidates = people;
    state.nonce = randomUUID();
    const card = this.cards.attachment('choose', {
      pick: 'user',
      // Several people named (« Paul Fontaine et Léa Petit »): one at a time, and the chooser says so;
      // one person close to the name typed: said so; several matching it: the usual choice.
      title: several
        ? t('resolveUser.oneAtATime', { count: people.length })
        : partly && people.length === 1
          ? t(newAddress ? 'resolveUser.closestOrNew' : 'resolveUser.closest', { words: words.join(' '), address: newAddress })
          : t('resolveUser.choose', { count: people.length }),
      label: t('resolveUser.chooseLabel'),
      choices: people.map((p) => ({ title: describe(p), value: p.id })),
      confirmTitle: t('resolveUser.confirm'),
      cancelTitle: t('resolveUser.cancel'),
      nonce: state.nonce,
      ...askerOf(step.context),
    });
    await step.context.sendActivity({ attachments: [card] });
    return Dialog.EndOfTurn;
  }

  /** The user picked someone on the card, or typed a name or an address instead. */
  private async answerStep(step: WaterfallStepContext<ResolveUserOptions>): Promise<DialogTurnResult> {
    const state = step.values as LookupState;
    const value = step.context.activity.value as { pick?: string; choice?: string; nonce?: string } | undefined;
    if (value?.pick === 'user') {
      const chosen = state.candidates?.find((p) => p.id === value.choice);
      if (chosen && value.nonce === state.nonce) return step.endDialog(chosen);
      return step.replaceDialog(LOOKUP, { newAccountDomain: step.options?.newAccountDomain } satisfies ResolveUserOptions);
    }
    const text = step.context.activity.text ?? '';
    const email = extractEntities(text).find((e) => e.type === 'email')?.value;
    if (!email && (await this.interruptions.isNewRequest(step.context))) return dropAndReroute(step);
    const words = this.names.in(text);
    const newAccountDomain = step.options?.newAccountDomain;
    return step.replaceDialog(LOOKUP, {
      newAccountDomain,
      ...(email ? { email } : words.length > 0 ? { words } : { namedNobody: text.trim().slice(0, 60) }),
    } satisfies ResolveUserOptions);
  }

  /**
   * The people the words name; when they find nobody, the words as written (with their accents), then
   * "julies licence" (a possessive typed without its apostrophe) as « julie ».
   */
  private async find(words: string[], text: string): Promise<PeopleFound> {
    const found = await this.directory.findPeople(words);
    if (found.people.length > 0) return found;
    // « Mme Lefèvre »: the directory may keep the accent the words lost (a surname alone is matched as written).
    const typed = this.names.asTyped(text, words);
    if (typed.some((w, i) => w !== words[i])) {
      const asWritten = await this.directory.findPeople(typed);
      if (asWritten.people.length > 0) return asWritten;
    }
    const possessive = /^\p{L}{3,}s$/u;
    if (!words.some((w) => possessive.test(w))) return found;
    return this.directory.findPeople(words.map((w) => (possessive.test(w) ? w.slice(0, -1) : w)));
  }

  private async ask(step: WaterfallStepContext, question: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(question);
    return Dialog.EndOfTurn;
  }
}

function describe(person: Person): string {
  const detail = [person.jobTitle, person.department].filter(Boolean).join(', ');
  return `${person.displayName} (${person.userPrincipalName})${detail ? ` · ${detail}` : ''}`;
}
