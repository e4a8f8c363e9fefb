import { randomUUID } from 'node:crypto';
import { Middleware, TurnContext } from 'botbuilder';
import { Locale, toLocale } from '../presentation/i18n';
import { Logger } from '../host/logger';

const LOCALE = Symbol('locale');
const CORRELATION = Symbol('correlationId');
const LOGGER = Symbol('logger');

/** The language this turn answers in. */
export function localeOf(context: TurnContext): Locale {
  const locale = context.turnState.get(LOCALE) as Locale | undefined;
  if (!locale) throw new Error('No language for this turn: TurnSetup (the first middleware) sets it from the configured default and the message');
  return locale;
}

export function setLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(LOCALE, locale);
}

export function correlationIdOf(context: TurnContext): string {
  return (context.turnState.get(CORRELATION) as string | undefined) ?? 'none';
}

export function loggerOf(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(LOGGER) as Logger | undefined) ?? fallback;
}

/**
 * First middleware of every turn: gives it a correlation id, a logger that carries it,
 * and the locale to answer in. Logs the turn without its text (a message may hold a password).
 */
export class TurnSetup implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly defaultLocale: Locale,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    const correlationId = randomUUID();
    const logger = this.logger.child({
      correlationId,
      activityId: activity.id,
      conversationType: activity.conversation?.conversationType,
      channelId: activity.channelId,
    });
    context.turnState.set(CORRELATION, correlationId);
    context.turnState.set(LOGGER, logger);
    context.turnState.set(LOCALE, toLocale(activity.locale, this.defaultLocale));
    const started = Date.now();
    // One line a turn at the default level (logging is a cost of every turn); its start at debug.
    logger.debug('turn started', { type: activity.type, name: activity.name, user: activity.from?.aadObjectId });
    await next();
    logger.info('turn ended', { type: activity.type, name: activity.name, user: activity.from?.aadObjectId, ms: Date.now() - started });
  }
}

/** Who a card is offered to, in its data: for the notice a click by someone else gets, never for a decision. */
export function askerOf(context: TurnContext): { asker: string; askerName: string } {
  const { id, name } = callerOf(context);
  return { asker: id, askerName: name };
}

/** The caller as the audit log and the confirmation claims name them. */
export function callerOf(context: TurnContext): { id: string; name: string } {
  const from = context.activity.from;
  return { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name ?? '' };
}

/** Where a turn notes the operation it was routed to (an intent, a named request, a card verb), for telemetry. */
export const ROUTED_OPERATION = Symbol('routedOperation');

export function routedOperationOf(context: TurnContext): string | undefined {
  return context.turnState.get(ROUTED_OPERATION) as string | undefined;
}
