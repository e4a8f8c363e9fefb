import { TurnContext } from 'botbuilder';
import { localeOf } from '../../bot/turn/turnSetup';

/**
 * The time of day shown on the licence cards, in the caller's language and time zone (Europe/Paris
 * when Teams sends none or an unknown one). Each clock is made once for its language and zone:
 * making one costs more than the rest of the card.
 */
export class Clocks {
  private readonly clocks = new Map<string, Intl.DateTimeFormat>();

  now(context: TurnContext): string {
    const locale = localeOf(context);
    const zone = context.activity.localTimezone || 'Europe/Paris';
    const key = `${locale}|${zone}`;
    let clock = this.clocks.get(key);
    if (!clock) this.clocks.set(key, (clock = clockFor(locale, zone)));
    return clock.format(new Date());
  }
}

function clockFor(locale: string, zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  } catch {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  }
}
