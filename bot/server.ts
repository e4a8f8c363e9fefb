import * as restify from 'restify';
import { CloudAdapter, TurnContext } from 'botbuilder';
import { Logger } from './logger';

export interface BotServer {
  server: restify.Server;
  setReady(ready: boolean): void;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** restify: POST /api/messages through the CloudAdapter, GET /healthz (200 once ready, 503 before). */
export function createServer(logger: Logger): { http: BotServer; attach(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>): void } {
  const server = restify.createServer({ name: 'assistant-admin-365', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  let ready = false;
  let handler: ((req: restify.Request, res: restify.Response) => Promise<void>) | undefined;

  server.get('/healthz', (_req, res, next) => {
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'starting' });
    next();
  });

  server.post('/api/messages', async (req, res) => {
    if (!ready || !handler) {
      res.send(503, { error: 'starting' });
      return;
    }
    const body = req.body as { type?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      logger.warn('malformed activity refused', { contentType: req.header('content-type') });
      res.send(400, { error: 'The body must be a Bot Framework activity (a JSON object with a type).' });
      return;
    }
    await handler(req, res);
  });

  const http: BotServer = {
    server,
    setReady: (value) => (ready = value),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return {
    http,
    attach(adapter, logic) {
      handler = (req, res) => adapter.process(req, res as never, logic);
    },
  };
}
