import * as restify from 'restify';
import { Activity, TurnContext } from 'botbuilder';
import { BotEndpoint } from './adapter';
import { Logger } from './logger';
import { Readiness } from './readiness';
import { withinBounds } from '../policy/cardData';
import type { LegalPages } from './legalPages';

export interface BotServer {
  server: restify.Server;
  setReady(ready: boolean): void;
  /** What /readyz asks, once the bot has started. */
  setReadiness(readiness: Readiness): void;
  listen(port: number, host: string): Promise<number>;
  /** Stops taking activities (503, /readyz first) and resolves once the turns in progress have ended. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** restify: POST /api/messages through the CloudAdapter, GET /healthz (200 once ready, 503 before). */
export function createServer(
  logger: Logger,
  pages?: LegalPages,
): { http: BotServer; attach(endpoint: BotEndpoint, logic: (context: TurnContext) => Promise<void>): void } {
  const server = restify.createServer({ name: 'assistant-admin-365', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  let ready = false;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let handler: ((req: restify.Request, res: restify.Response) => Promise<void>) | undefined;
  let readiness: Readiness | undefined;

  // Liveness: the process serves requests (200 once started). A platform restarts the bot when it fails.
  server.get('/healthz', (_req, res, next) => {
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'starting' });
    next();
  });

  // The privacy statement and terms of use the app's manifest links to, on the deployer's own domain.
  for (const page of ['privacy', 'terms'] as const) {
    server.get(`/${page}`, (req, res, next) => {
      if (!pages) {
        res.send(404);
        return next();
      }
      const lang = new URL(req.url ?? '/', 'http://bot').searchParams.get('lang') ?? undefined;
      const html = pages.html(page, pages.localeFor(lang, req.header('accept-language')));
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
      res.end(html);
      return next();
    });
  }

  // Readiness: storage and Graph answer now. A platform stops sending traffic while it is 503.
  server.get('/readyz', async (_req, res) => {
    if (draining) {
      res.send(503, { status: 'stopping' });
      return;
    }
    if (!ready || !readiness) {
      res.send(503, { status: 'starting' });
      return;
    }
    const report = await readiness.report();
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'unavailable', checks: report.checks, backlog: report.backlog });
  });

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'stopping' });
      return;
    }
    if (!ready || !handler) {
      res.send(503, { error: 'starting' });
      return;
    }
    const malformed = whatIsWrong(req.body);
    if (malformed) {
      logger.warn('malformed activity refused', { contentType: req.header('content-type'), malformed });
      res.send(400, { error: `The body must be a Bot Framework activity: ${malformed}.` });
      return;
    }
    inFlight++;
    try {
      await handler(req, res);
    } catch (error) {
      // The turn's own errors are answered by onTurnError; what reaches here failed outside any turn.
      logger.error('request failed', { error });
      if (!res.headersSent) res.send(500, { error: 'Internal Server Error' });
    } finally {
      if (--inFlight === 0) idle?.();
    }
  });

  const http: BotServer = {
    server,
    setReady: (value) => (ready = value),
    setReadiness: (value) => (readiness = value),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    drain: () => {
      draining = true;
      return inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return {
    http,
    attach(endpoint, logic) {
      handler = async (req, res) => {
        const activity = withDates(req.body as Activity);
        const { status, body } = await endpoint.handle(activity, req.header('authorization') ?? '', logic);
        if (body === undefined) res.send(status);
        else res.send(status, body);
      };
    },
  };
}

/**
 * How far an activity may go. Teams' activities nest a few levels and hold a few dozen values;
 * its conversation and user ids are a few hundred characters at most. Anything beyond is no
 * activity Teams sent, and is refused before any work is spent on it.
 */
export const ACTIVITY_LIMITS = { depth: 32, values: 5_000, idLength: 1_000 } as const;

/** An Entra object id's characters (hex digits and dashes; the Agents Playground's made-up ids are not quite GUIDs): nothing that could be read as a path or a query. */
const ENTRA_OBJECT_ID = /^[0-9a-f-]{1,64}$/i;

/**
 * What makes a body no Bot Framework activity the bot can handle, checked before anything runs: a
 * type, who sent it, the conversation, and the service to answer to (without which no reply can
 * be sent, and none is tried), ids of a sensible length, the sender's Entra id in its form,
 * and a bounded shape.
 */
export function whatIsWrong(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'a JSON object is expected';
  if (!withinBounds(body, ACTIVITY_LIMITS))
    return `an activity nests at most ${ACTIVITY_LIMITS.depth} levels and holds at most ${ACTIVITY_LIMITS.values} values`;
  const activity = body as { type?: unknown; from?: { id?: unknown; aadObjectId?: unknown }; conversation?: { id?: unknown }; serviceUrl?: unknown };
  if (typeof activity.type !== 'string' || activity.type === '') return 'type is missing';
  if (typeof activity.from?.id !== 'string' || activity.from.id === '') return 'from.id is missing';
  if (typeof activity.conversation?.id !== 'string' || activity.conversation.id === '') return 'conversation.id is missing';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\/[^\s/]+/i.test(activity.serviceUrl)) return 'serviceUrl is missing or not an http(s) URL';
  if (activity.from.id.length > ACTIVITY_LIMITS.idLength) return `from.id is longer than ${ACTIVITY_LIMITS.idLength} characters`;
  if (activity.conversation.id.length > ACTIVITY_LIMITS.idLength) return `conversation.id is longer than ${ACTIVITY_LIMITS.idLength} characters`;
  const aad = activity.from.aadObjectId;
  if (aad !== undefined && aad !== null && (typeof aad !== 'string' || !ENTRA_OBJECT_ID.test(aad))) return 'from.aadObjectId is not an Entra object id';
  return undefined;
}

/** The activity's timestamps as dates, as the Bot Framework's own adapter reads them. */
function withDates(activity: Activity): Activity {
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value: unknown = activity[field];
    if (typeof value === 'string') (activity as unknown as Record<string, unknown>)[field] = new Date(value);
  }
  return activity;
}
