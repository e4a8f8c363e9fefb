import { ActivityTypes, ConversationState, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../presentation/i18n';
import { detectLanguage } from '../nlu/language';
import { setLocale } from './turnSetup';

/**
 * The language to answer in: the message's own when it tells; else the language this conversation
 * was last written in (a card click or « E3 » carries none); else the Teams locale TurnSetup chose.
 */
export class ConversationLanguage implements Middleware {
  private readonly remembered: StatePropertyAccessor<Locale | undefined>;

  constructor(conversationState: ConversationState) {
    this.remembered = conversationState.createProperty<Locale | undefined>('language');
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
