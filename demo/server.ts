import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { FaultInjector, FaultSettings } from './faults';
import { GraphHttpError } from './graphError';
import { DemoResponse, matchRoute, Route } from './router';
import { runBatch } from './routes/batch';
import { directoryRoutes, domainRoutes } from './routes/directory';
import { serviceHealthRoutes } from './routes/serviceHealth';
import { organizationRoutes, userRoutes } from './routes/users';
import { Seed, TenantStore } from './tenantStore';

/** Every Graph route the demo tenant serves (the metadata test walks them all). */
export const ROUTES: Route[] = [...organizationRoutes, ...userRoutes, ...directoryRoutes, ...domainRoutes, ...serviceHealthRoutes];

export function loadSeed(path = join(__dirname, '..', '..', 'demo', 'seed', 'tenant.json')): Seed {
  return JSON.parse(readFileSync(path, 'utf8')) as Seed;
}

export interface DemoTenantOptions {
  port?: number;
  host?: string;
  seed?: Seed;
  faults?: FaultSettings;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  batched: boolean;
}

export interface DemoTenant {
  url: string;
  port: number;
  store: TenantStore;
  faults: FaultInjector;
  /** Every Graph request answered, batched ones included (bounded). */
  requests: RequestRecord[];
  reset(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The answer of a request whose connection is closed without one (a fault). */
const DROPPED: DemoResponse = Object.freeze({ status: 0 });

function errorResponse(error: GraphHttpError, requestId: string): DemoResponse {
  return {
    status: error.status,
    headers: error.headers,
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId },
      },
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The demo tenant: a local server speaking the Microsoft Graph v1.0 subset the bot uses,
 * with the seeded company "Lumière & Fils". It accepts any bearer token.
 */
export async function startDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  const seed = options.seed ?? loadSeed();
  const faults = new FaultInjector();
  faults.configure(options.faults ?? {});
  const requests: RequestRecord[] = [];
  const state = { store: new TenantStore(seed) };
  let origin = '';

  const record = (entry: RequestRecord) => {
    requests.push(entry);
    if (requests.length > 50000) requests.splice(0, requests.length - 50000);
  };

  /** One Graph request, top-level or inside a batch. */
  const dispatch = async (method: string, url: string, headers: Record<string, string | undefined>, body: unknown, batched: boolean): Promise<DemoResponse> => {
    const requestId = headers['client-request-id'] ?? randomUUID();
    const parsed = new URL(url, 'http://demo');
    const path = parsed.pathname.replace(/\/+$/, '') || '/';
    let response: DemoResponse;
    const fault = faults.take(method, path);
    try {
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault?.drop && !fault.afterApplying) return DROPPED;
      if (fault?.error && !fault.afterApplying) throw fault.error;
      if (path === '/$batch' && method === 'POST') {
        if (batched) throw new GraphHttpError(400, 'BadRequest', 'A batch cannot contain another batch.');
        response = await runBatch(body as Record<string, unknown> | undefined, (m, u, h, b) => dispatch(m, u, h, b, true));
      } else {
        const match = matchRoute(ROUTES, method, path);
        if (match === 'wrong-method') throw new GraphHttpError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed for this resource.`);
        if (!match) throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${path.split('/').filter(Boolean).pop() ?? ''}'.`);
        response = await match.route.handle({
          method,
          path,
          params: match.params,
          query: parsed.searchParams,
          headers,
          body: body as Record<string, unknown> | undefined,
          origin,
          store: state.store,
        });
      }
    } catch (error) {
      if (!(error instanceof GraphHttpError)) {
        response = errorResponse(new GraphHttpError(500, 'InternalServerError', (error as Error).message), requestId);
      } else {
        response = errorResponse(error, requestId);
      }
    }
    record({ method, path, status: response.status, batched });
    // Carried out, and its answer lost: the connection dropped, or an error in place of the answer.
    if (fault?.afterApplying && fault.drop) return DROPPED;
    if (fault?.afterApplying && fault.error) response = errorResponse(fault.error, requestId);
    return { ...response, headers: { 'request-id': requestId, 'client-request-id': requestId, ...(response.headers ?? {}) } };
  };

  const send = (res: ServerResponse, response: DemoResponse) => {
    const headers: Record<string, string> = { ...(response.headers ?? {}) };
    if (response.body !== undefined)
      headers['Content-Type'] = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    res.writeHead(response.status, headers);
    res.end(response.body === undefined ? undefined : JSON.stringify(response.body));
  };

  /** A control's Graph-shaped error when it fails (an unknown issue: 404). */
  const guarded = (work: () => DemoResponse): DemoResponse => {
    try {
      return work();
    } catch (error) {
      if (error instanceof GraphHttpError) return errorResponse(error, randomUUID());
      throw error;
    }
  };

  /** Control endpoints for tests and benchmarks, outside Graph's /v1.0. */
  const control = (method: string, path: string, body: unknown): DemoResponse => {
    if (path === '/_demo/faults' && method === 'GET') return { status: 200, body: faults.settings() };
    if (path === '/_demo/faults' && method === 'POST') {
      faults.configure((body ?? {}) as FaultSettings);
      return { status: 200, body: faults.settings() };
    }
    if (path === '/_demo/reset' && method === 'POST') {
      tenant.reset();
      return { status: 204 };
    }
    if (path === '/_demo/requests' && method === 'GET') return { status: 200, body: { requests } };
    // Microsoft's side of service health, played by hand or by a test: open an issue, post an update, resolve it.
    if (path === '/_demo/serviceIssues' && method === 'POST')
      return guarded(() => ({ status: 201, body: state.store.openIssue((body ?? {}) as Record<string, unknown>) }));
    const issue = /^\/_demo\/serviceIssues\/([^/]+)$/.exec(path);
    if (issue && method === 'POST')
      return guarded(() => ({ status: 200, body: state.store.updateIssue(decodeURIComponent(issue[1]), (body ?? {}) as Record<string, unknown>) }));
    return { status: 404, body: { error: { code: 'NotFound', message: 'Unknown demo control endpoint.' } } };
  };

  const server: Server = createServer(async (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://demo');
    try {
      const text = await readBody(req);
      let body: unknown;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          send(
            res,
            errorResponse(
              new GraphHttpError(
                400,
                'BadRequest',
                'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
              ),
              randomUUID(),
            ),
          );
          return;
        }
      }
      if (url.pathname.startsWith('/_demo/')) {
        send(res, control(method, url.pathname, body));
        return;
      }
      if (!url.pathname.toLowerCase().startsWith('/v1.0/')) {
        send(res, errorResponse(new GraphHttpError(400, 'BadRequest', 'Invalid version: only v1.0 is served by the demo tenant.'), randomUUID()));
        return;
      }
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]));
      const path = url.pathname.slice('/v1.0'.length) + url.search;
      const response = await dispatch(method, path, headers, body, false);
      if (response === DROPPED) req.socket.destroy();
      else send(res, response);
    } catch (error) {
      send(res, errorResponse(new GraphHttpError(500, 'InternalServerError', (error as Error).message), randomUUID()));
    }
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://${options.host ?? '127.0.0.1'}:${port}`;

  const tenant: DemoTenant = {
    url: origin,
    port,
    faults,
    requests,
    get store() {
      return state.store;
    },
    reset() {
      state.store = new TenantStore(seed);
      faults.configure({});
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return tenant;
}
