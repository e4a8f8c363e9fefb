import { badRequest } from '../graphError';
import { DemoResponse, requireBody } from '../router';

export interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export type Dispatch = (method: string, url: string, headers: Record<string, string | undefined>, body: unknown) => Promise<DemoResponse>;

export const BATCH_LIMIT = 20;

/**
 * POST /$batch as Graph runs it: at most 20 requests, relative URLs, Content-Type required with a
 * body, dependsOn honoured (a failed dependency gives 424), each answer with its own status.
 */
export async function runBatch(raw: Record<string, unknown> | undefined, dispatch: Dispatch): Promise<DemoResponse> {
  const body = requireBody({ body: raw } as never);
  const requests = body.requests;
  if (!Array.isArray(requests)) throw badRequest('Invalid batch payload format.', 'BadRequest');
  if (requests.length > BATCH_LIMIT) throw badRequest(`The number of batch requests exceeds the limit of ${BATCH_LIMIT}.`, 'BadRequest');
  const items = requests as BatchItem[];
  const ids = new Set<string>();
  for (const item of items) {
    if (!item || typeof item.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string') {
      throw badRequest('Invalid batch payload format: each request needs an id, a method and a url.', 'BadRequest');
    }
    if (ids.has(item.id)) throw badRequest(`Batch request ids must be unique: '${item.id}' appears twice.`, 'BadRequest');
    ids.add(item.id);
    if (/^https?:/i.test(item.url)) throw badRequest('Batch requests must use relative URLs.', 'BadRequest');
    if (item.body !== undefined && !Object.keys(item.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      throw badRequest(`Request ${item.id}: Content-Type header is required for requests with a body.`, 'BadRequest');
    }
    for (const dep of item.dependsOn ?? []) {
      if (!items.some((other) => other.id === dep)) throw badRequest(`Request ${item.id} depends on an unknown request '${dep}'.`, 'BadRequest');
    }
  }
  const results = new Map<string, { id: string; status: number; headers: Record<string, string>; body?: unknown }>();
  const running = new Map<string, Promise<void>>();
  const run = (item: BatchItem): Promise<void> => {
    const existing = running.get(item.id);
    if (existing) return existing;
    const promise = (async () => {
      const deps = (item.dependsOn ?? []).map((id) => items.find((i) => i.id === id)!);
      await Promise.all(deps.map(run));
      if (deps.some((d) => (results.get(d.id)?.status ?? 500) >= 400)) {
        results.set(item.id, {
          id: item.id,
          status: 424,
          headers: { 'Content-Type': 'application/json' },
          body: { error: { code: 'FailedDependency', message: 'A request this one depends on failed.' } },
        });
        return;
      }
      const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const url = item.url.startsWith('/') ? item.url : `/${item.url}`;
      const response = await dispatch(item.method.toUpperCase(), url, headers, item.body);
      results.set(item.id, {
        id: item.id,
        status: response.status,
        headers: { 'Content-Type': 'application/json', ...(response.headers ?? {}) },
        body: response.body,
      });
    })();
    running.set(item.id, promise);
    return promise;
  };
  await Promise.all(items.map(run));
  // Graph answers in any order; the demo answers in completion order, which may differ from the request's.
  return { status: 200, body: { responses: [...results.values()] } };
}
