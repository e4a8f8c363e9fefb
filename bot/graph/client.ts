import { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  AuthenticationProvider,
  Client,
  Context,
  HTTPMessageHandler,
  Middleware,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

export interface GraphClientOptions {
  /** Origin of a Graph-compatible server, without /v1.0 (https://graph.microsoft.com, or the demo tenant). */
  baseUrl: string;
  /** The app's credential for a real tenant; absent for the demo tenant, which accepts any bearer token. */
  credential?: TokenCredential;
  timeoutMs: number;
  maxRetries: number;
  /** Seconds to wait before a retry when Graph sends no Retry-After. */
  retryDelaySeconds?: number;
  /** Told of every attempt sent to Graph (its method, URL, status — 0 when none came — and duration), for telemetry. */
  observe?: (attempt: GraphAttempt) => void;
}

export interface GraphAttempt {
  method: string;
  url: string;
  status: number;
  durationMs: number;
}

/** Tells `observe` of each attempt, retries included, after it is answered or fails. */
class ObserveHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly observe: (attempt: GraphAttempt) => void) {}
  async execute(context: Context): Promise<void> {
    const started = performance.now();
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    try {
      await this.next!.execute(context);
    } finally {
      this.observe({ method, url, status: context.response?.status ?? 0, durationMs: performance.now() - started });
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Gives every attempt (retries included) its own deadline, so a hung Graph call cannot hold a turn forever. */
class TimeoutHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly timeoutMs: number) {}
  async execute(context: Context): Promise<void> {
    context.options = { ...(context.options ?? {}), signal: AbortSignal.timeout(this.timeoutMs) } as Context['options'];
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Keeps the network's own reason (ECONNREFUSED, ECONNRESET…) in the message of a failed fetch, which
 * the Graph client would otherwise reduce to « fetch failed »: a request refused before it was sent
 * changed nothing, one whose connection dropped after it was sent may have been carried out.
 */
class NetworkReasonHandler implements Middleware {
  private next?: Middleware;
  async execute(context: Context): Promise<void> {
    try {
      await this.next!.execute(context);
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
      if (error instanceof Error && typeof code === 'string') throw Object.assign(new Error(`${error.message}: ${code}`), { name: error.name });
      throw error;
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Used against a local Graph-compatible server: it accepts any token, and the client sends none over http. */
const localAuthProvider: AuthenticationProvider = { getAccessToken: async () => 'local-demo-tenant' };

/**
 * The one Microsoft Graph client: retries 429/503/504 honouring Retry-After, a deadline per attempt,
 * and a token from @azure/identity for a real tenant. Pointed at the demo tenant, only the base URL changes.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const authProvider = options.credential
    ? new TokenCredentialAuthenticationProvider(options.credential, { scopes: ['https://graph.microsoft.com/.default'] })
    : localAuthProvider;
  const chain: Middleware[] = [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries)),
    new TimeoutHandler(options.timeoutMs),
    ...(options.observe ? [new ObserveHandler(options.observe)] : []),
    new TelemetryHandler(),
    new NetworkReasonHandler(),
    new HTTPMessageHandler(),
  ];
  for (let i = 0; i < chain.length - 1; i++) chain[i].setNext!(chain[i + 1]);
  const host = new URL(options.baseUrl).host;
  return Client.initWithMiddleware({
    middleware: chain[0],
    baseUrl: options.baseUrl.replace(/\/?$/, '/'),
    defaultVersion: 'v1.0',
    customHosts: new Set([host]),
  });
}
