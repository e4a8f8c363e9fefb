import type { Activity } from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  BotFrameworkClient,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';

/** Distinct service URLs (Teams has one per region) and bot identities kept at most; the oldest is let go past it. */
const MAX_CLIENTS = 64;

/**
 * The Bot Framework authentication with its outbound clients made once and reused: botbuilder makes
 * a new ConnectorClient and a new UserTokenClient, each with its own HTTP pipeline and credentials,
 * for every turn — a tenth of a turn's CPU. Clients are kept per bot identity (the same claims
 * botbuilder picks the credentials from), service URL and audience; they hold no per-turn state and
 * their credentials renew their own tokens. Authentication itself is left to the inner object.
 */
export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly factories = new Bounded<ConnectorFactory>();
  private readonly tokenClients = new Bounded<Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factories.get(identityKey(claimsIdentity), () => new ReusedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity)));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = identityKey(claimsIdentity);
    return this.tokenClients.get(key, () => forgetOnFailure(this.inner.createUserTokenClient(claimsIdentity), () => this.tokenClients.delete(key)));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) } : result;
  }
}

/** A connector factory that makes one client per service URL and audience. */
class ReusedConnectorFactory extends ConnectorFactory {
  private readonly clients = new Bounded<Promise<ConnectorClient>>();

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([serviceUrl, audience ?? null]);
    return this.clients.get(key, () => forgetOnFailure(this.inner.create(serviceUrl, audience), () => this.clients.delete(key)));
  }
}

/** What botbuilder reads the bot's app id from (the audience for channels, the appid claim for the Emulator), and the caller. */
function identityKey(claimsIdentity: ClaimsIdentity): string {
  return JSON.stringify([
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim),
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim),
    claimsIdentity.getClaimValue(AuthenticationConstants.AuthorizedParty),
    claimsIdentity.getClaimValue(AuthenticationConstants.VersionClaim),
  ]);
}

/** A client that could not be made (credentials unreachable) is made again next time. */
function forgetOnFailure<T>(made: Promise<T>, forget: () => void): Promise<T> {
  made.catch(forget);
  return made;
}

/** A map that keeps its `MAX_CLIENTS` latest entries. */
class Bounded<T> {
  private readonly entries = new Map<string, T>();

  get(key: string, make: () => T): T {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > MAX_CLIENTS) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
