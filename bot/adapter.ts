import { BotState, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, UserState } from 'botbuilder';
import { BotIdentity } from './config';
import { userMessageFor } from './errorMessages';
import { AppError, rootCause, StorageFault } from './errors';
import { Localizer } from './i18n';
import { Logger } from './logger';
import { correlationIdOf, localeOf, loggerOf } from './turn';

/**
 * The CloudAdapter, authenticated with the Bot Framework's own variable names. With no app id it
 * accepts unauthenticated activities (local clients only); with one, every request's JWT is checked.
 */
export function createAdapter(identity: BotIdentity, states: BotState[], localizer: Localizer, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: identity.appId,
    MicrosoftAppPassword: identity.appPassword,
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.appTenantId,
  });
  const adapter = new CloudAdapter(auth);

  adapter.onTurnError = async (context: TurnContext, wrapped: Error) => {
    const turnLogger = loggerOf(context, logger);
    const correlationId = correlationIdOf(context);
    const error = rootCause(wrapped);
    const dialogStack = (wrapped as { dialogContext?: { stack?: { id: string }[] } }).dialogContext?.stack?.map((d) => d.id);
    if (error instanceof AppError) turnLogger.warn('turn ended on an expected error', { error, requestId: error.requestId, dialogStack });
    else turnLogger.error('turn failed', { error, dialogStack });
    try {
      await context.sendActivity(userMessageFor(error, localeOf(context), localizer, correlationId));
    } catch (sendError) {
      turnLogger.error('could not tell the user about the failure', { error: sendError });
    }
    // Storage failed: clearing the state would fail too, and the stored state is still the one from before this turn.
    if (error instanceof StorageFault) return;
    try {
      // A dialog stack left mid-way by a failure would trap the user: start afresh next time.
      for (const state of states) if (!(state instanceof UserState)) await state.delete(context);
    } catch (deleteError) {
      turnLogger.error('could not clear the conversation state after the failure', { error: deleteError });
    }
  };
  return adapter;
}
