import { TurnContext } from 'botbuilder';
import { Localizer } from '../../bot/presentation/i18n';
import { operationNamedIn } from '../../bot/nlu/namedRequests';
import { Recognizer } from '../../bot/nlu/recognizer';
import { localeOf } from '../../bot/turn/turnSetup';
import { Interruptions } from './cancelAndHelpDialog';
import { HelpCard } from './helpCard';
import { typedYesOrNo } from '../../bot/nlu/smallTalk';
import { answersWithSelf } from './resolveUserDialog';

/** How sure the recognizer must be before a message interrupts a dialog as a new request. */
const NEW_REQUEST_SCORE = 0.8;

export interface RequestWords {
  requestWordsIn(text: string): string[];
}

/** « annuler », « aide » and new requests as the recognizer hears them, at any step of any dialog. */
export class RecognizedInterruptions implements Interruptions {
  constructor(
    private readonly recognizer: Recognizer,
    private readonly helpCard: HelpCard,
    private readonly localizer: Localizer,
    private readonly requestWords: RequestWords,
  ) {}

  async classify(context: TurnContext): Promise<'cancel' | 'help' | undefined> {
    const value = context.activity.value as { action?: string } | undefined;
    if (value?.action === 'cancel' || value?.action === 'help') return value.action;
    const text = context.activity.text ?? '';
    if (text.trim() === '' || text.length > 60) return undefined; // an answer, not an interruption
    if (operationNamedIn(text)) return undefined; // a request asked for by name (« demandes en attente »): a new request, not help
    if (typedYesOrNo(text) === 'yes') return undefined; // « oui vas-y », "yes do it": an answer, whatever the classifier makes of it
    if (answersWithSelf(text)) return undefined; // « moi », "me": who, answered (the caller), not a call for help
    const { intent } = await this.recognizer.recognize(text);
    return intent === 'cancel' || intent === 'help' ? intent : undefined;
  }

  /**
   * A typed message (not a card click) that the recognizer takes for a request with confidence and
   * that holds words requests are made of: « combien de licences il reste ? », « réinitialise le mot
   * de passe de Léa ». Words that also name things do not count (« licences », part of « admin des
   * licences »): « la licence E3 » typed at the plan chooser is its answer. A name (« Julie Roux »),
   * a plan (« E3 ») or a country alone is an answer, never a request.
   */
  async isNewRequest(context: TurnContext): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (context.activity.value !== undefined || text.trim() === '') return false;
    if (operationNamedIn(text)) return true;
    const { intent, score } = await this.recognizer.recognize(text);
    if (intent === 'none' || intent === 'cancel' || intent === 'help' || score < NEW_REQUEST_SCORE) return false;
    return this.requestWords.requestWordsIn(text).length > 0;
  }

  async cancelled(context: TurnContext): Promise<void> {
    await context.sendActivity(this.localizer.t(localeOf(context), 'cancel.done'));
  }

  help(context: TurnContext): Promise<void> {
    return this.helpCard.show(context);
  }
}
