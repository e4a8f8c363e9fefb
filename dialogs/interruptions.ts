import { TurnContext } from 'botbuilder';
import { Localizer } from '../bot/i18n';
import { Recognizer } from '../bot/recognizer';
import { localeOf } from '../bot/turn';
import type { Interruptions } from './cancelAndHelpDialog';
import { HelpCard } from './helpCard';

/** « annuler » and « aide » as the recognizer hears them, at any step of any dialog. */
export class RecognizedInterruptions implements Interruptions {
  constructor(private readonly recognizer: Recognizer, private readonly helpCard: HelpCard, private readonly localizer: Localizer) {}

  async classify(context: TurnContext): Promise<'cancel' | 'help' | undefined> {
    const value = context.activity.value as { action?: string } | undefined;
    if (value?.action === 'cancel' || value?.action === 'help') return value.action;
    const text = context.activity.text ?? '';
    if (text.trim() === '' || text.length > 60) return undefined; // an answer, not an interruption
    const { intent } = await this.recognizer.recognize(text);
    return intent === 'cancel' || intent === 'help' ? intent : undefined;
  }

  async cancelled(context: TurnContext): Promise<void> {
    await context.sendActivity(this.localizer.t(localeOf(context), 'cancel.done'));
  }

  help(context: TurnContext): Promise<void> {
    return this.helpCard.show(context);
  }
}
