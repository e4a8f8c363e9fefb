import { ActivityTypes, BotState, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../presentation/i18n';
import { detectLanguage } from '../nlu/language';
import { setLocale } from './turnSetup';

/**
 * The language to answer in: the message's own when it tells; else the language this person last
 * wrote in, in this conversation (a card click or « E3 » carries none; in a group chat each member
 * keeps their own); else the Teams locale TurnSetup chose. Kept in the state it is given (the bot
 * gives the per-member state that also holds the dialogs: one read a turn).
 */
export class ConversationLanguage implements Middleware {
  private readonly remembered: StatePropertyAccessor<Locale | undefined>;

  constructor(state: BotState) {
    this.remembered = state.createProperty<Locale | undefined>('language');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === ActivityTypes.Message || context.activity.type === ActivityTypes.Invoke) {
      const text = typeof context.activity.text === 'string' ? context.activity.text.replace(/<at>.*?<\/at>/g, ' ') : '';
      const written = detectLanguage(text);
      if (written) {
        await this.remembered.set(context, written);
        setLocale(context, written);
      } else {
        const last = await this.remembered.get(context);
        if (last) setLocale(context, last);
      }
    }
    await next();
  }
}
