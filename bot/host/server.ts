import * as restify from 'restify';
import { Activity, TurnContext } from 'botbuilder';
import { BotEndpoint } from './adapter';
import { Logger } from './logger';
import { Readiness } from './readiness';

export interface BotServer {
  server: restify.Server;
  setReady(ready: boolean): void;
  /** What /readyz asks, once the bot has started. */
  setReadiness(readiness: Readiness): void;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** restify: POST /api/messages through the CloudAdapter, GET /healthz (200 once ready, 503 before). */
export function createServer(logger: Logger): { http: BotServer; attach(endpoint: BotEndpoint, logic: (context: TurnContext) => Promise<void>): void } {
  const server = restify.createServer({ name: 'assistant-admin-365', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  let ready = false;
  let handler: ((req: restify.Request, res: restify.Response) => Promise<void>) | undefined;
  let readiness: Readiness | undefined;

  // Liveness: the process serves requests (200 once started). A platform restarts the bot when it fails.
  server.get('/healthz', (_req, res, next) => {
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'starting' });
    next();
  });

  // Readiness: storage and Graph answer now. A platform stops sending traffic while it is 503.
  server.get('/readyz', async (_req, res) => {
    if (!ready || !readiness) {
      res.send(503, { status: 'starting' });
      return;
    }
    const report = await readiness.report();
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'unavailable', checks: report.checks });
  });

  server.post('/api/messages', async (req, res) => {
    if (!ready || !handler) {
      res.send(503, { error: 'starting' });
      return;
    }
    const malformed = whatIsMissing(req.body);
    if (malformed) {
      logger.warn('malformed activity refused', { contentType: req.header('content-type'), malformed });
      res.send(400, { error: `The body must be a Bot Framework activity: ${malformed}.` });
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      // The turn's own errors are answered by onTurnError; what reaches here failed outside any turn.
      logger.error('request failed', { error });
      if (!res.headersSent) res.send(500, { error: 'Internal Server Error' });
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
 * What a Bot Framework activity lacks for the bot to handle it, checked before anything runs: a
 * type, who sent it, the conversation, and the service to answer to (without which no reply can
 * be sent, and none is tried).
 */
export function whatIsMissing(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'a JSON object is expected';
  const activity = body as { type?: unknown; from?: { id?: unknown }; conversation?: { id?: unknown }; serviceUrl?: unknown };
  if (typeof activity.type !== 'string' || activity.type === '') return 'type is missing';
  if (typeof activity.from?.id !== 'string' || activity.from.id === '') return 'from.id is missing';
  if (typeof activity.conversation?.id !== 'string' || activity.conversation.id === '') return 'conversation.id is missing';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\/[^\s/]+/i.test(activity.serviceUrl)) return 'serviceUrl is missing or not an http(s) URL';
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
