import { Activity, BotState, CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticateRequestResult, AuthenticationConstants, AuthenticationError, BotFrameworkAuthentication } from 'botframework-connector';
import { BotIdentity } from './config';
import { userMessageFor } from '../presentation/errorMessages';
import { AppError, MessageTooLong, rootCause, StorageFault } from '../policy/errors';
import { Localizer } from '../presentation/i18n';
import { Logger } from './logger';
import { ReusedClientsAuthentication } from './reusedClients';
import { correlationIdOf, localeOf, loggerOf } from '../turn/turnSetup';

/**
 * The CloudAdapter, authenticated with the Bot Framework's own variable names. With no app id it
 * accepts unauthenticated activities (local clients only); with one, every request's JWT is checked.
 */
export function createAdapter(
  identity: BotIdentity,
  states: BotState[],
  localizer: Localizer,
  logger: Logger,
): { adapter: CloudAdapter; endpoint: BotEndpoint } {
  const auth = new ReusedClientsAuthentication(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: identity.appId,
      MicrosoftAppPassword: identity.appPassword,
      MicrosoftAppType: identity.appType,
      MicrosoftAppTenantId: identity.appTenantId,
      ...signingKeysFrom(identity),
    }),
  );
  const adapter = new AuthenticatedAdapter(auth);

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
    // A message refused unread touched nothing: the request in progress stays where it was.
    if (error instanceof MessageTooLong) return;
    try {
      // A dialog stack left mid-way by a failure would trap the user: start afresh next time.
      for (const state of states) await state.delete(context);
    } catch (deleteError) {
      turnLogger.error('could not clear the conversation state after the failure', { error: deleteError });
    }
  };
  return { adapter, endpoint: new BotEndpoint(adapter, auth, identity.appId !== '', logger) };
}

/**
 * The public cloud's Bot Framework settings with the signing keys read from elsewhere. Setting one
 * of these makes the SDK take every other one as given too, so the public cloud's values are
 * spelled out (an unset issuer would otherwise refuse every token).
 */
function signingKeysFrom(identity: BotIdentity): Record<string, string | boolean> {
  if (!identity.channelOpenIdMetadataUrl && !identity.emulatorOpenIdMetadataUrl) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: identity.channelOpenIdMetadataUrl || AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: identity.emulatorOpenIdMetadataUrl || AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** The CloudAdapter, running a turn for a request that BotEndpoint has already authenticated. */
class AuthenticatedAdapter extends CloudAdapter {
  runTurn(identity: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(identity, activity, logic);
  }
}

/** What /api/messages answers: an HTTP status and, for invokes, a body. */
export interface EndpointResponse {
  status: number;
  body?: unknown;
}

/** The signing algorithms the Bot Framework uses; anything else (« none » first) is refused before any key is fetched. */
const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/**
 * /api/messages: authenticates the request first, then runs the turn. A missing, malformed or
 * forged token is 401; when the Bot Framework's signing keys cannot be fetched the answer is 503;
 * in neither case does anything run, and no internal detail is given.
 */
export class BotEndpoint {
  constructor(
    private readonly adapter: AuthenticatedAdapter,
    private readonly auth: BotFrameworkAuthentication,
    private readonly authenticated: boolean,
    private readonly logger: Logger,
  ) {}

  async handle(activity: Activity, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<EndpointResponse> {
    if (this.authenticated && !plausibleBearer(authorization)) {
      this.logger.warn('request refused: no usable bearer token');
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    let identity: AuthenticateRequestResult;
    try {
      identity = await this.auth.authenticateRequest(activity, authorization);
    } catch (error) {
      if (isUnreachable(error)) {
        this.logger.error('request refused: the Bot Framework signing keys could not be fetched', { error: describe(error) });
        return { status: 503, body: { error: 'Service Unavailable' } };
      }
      this.logger.warn('request refused: the token is not valid', { error: describe(error) });
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    const invokeResponse = await this.adapter.runTurn(identity, activity, logic);
    return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
  }
}

/** « Bearer <header>.<payload>.<signature> » whose header names an allowed algorithm and a key id. */
function plausibleBearer(authorization: string): boolean {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization.trim());
  if (!match) return false;
  try {
    const header = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
    return typeof header.alg === 'string' && SIGNING_ALGORITHMS.includes(header.alg) && typeof header.kid === 'string';
  } catch {
    return false;
  }
}

/** The signing keys could not be fetched (network, DNS, the metadata server failing): not the caller's fault. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof AuthenticationError) return false;
  const { name, code, type, message } = error as { name?: string; code?: string; type?: string; message?: string };
  return (
    name === 'FetchError' || type === 'system' || /^E[A-Z]+$/.test(code ?? '') || /openid|metadata|keys? could not|failed to (load|fetch)/i.test(message ?? '')
  );
}

/** An error for the log, without a token (an error message never carries the header, but its stack might carry data). */
function describe(error: unknown): { name?: string; message?: string; code?: string } {
  const { name, message, code } = error as { name?: string; message?: string; code?: string };
  return { name, message: message?.slice(0, 300), code };
}
