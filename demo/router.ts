import { badRequest, GraphHttpError } from './graphError';
import { applySelect, parseFilter, parseSearch, parseSelect, parseTop } from './odata';
import { TenantStore } from './tenantStore';

export interface DemoRequest {
  method: string;
  /** The path after /v1.0, e.g. /users/abc/assignLicense. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Record<string, unknown> | undefined;
  /** http://127.0.0.1:3979 — for @odata.context and nextLinks. */
  origin: string;
  store: TenantStore;
}

export interface DemoResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Graph's path with {placeholders}, e.g. /users/{id}/assignLicense. */
  template: string;
  handle(req: DemoRequest): DemoResponse | Promise<DemoResponse>;
}

export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | 'wrong-method' | undefined {
  const segments = path.split('/').filter(Boolean);
  let wrongMethod = false;
  for (const route of routes) {
    const parts = route.template.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      if (part.startsWith('{')) {
        params[part.slice(1, -1)] = decodeURIComponent(segments[i]);
        return true;
      }
      return part.toLowerCase() === segments[i].toLowerCase();
    });
    if (!matches) continue;
    if (route.method !== method) {
      wrongMethod = true;
      continue;
    }
    return { route, params };
  }
  return wrongMethod ? 'wrong-method' : undefined;
}

export const ok = (body: unknown, status = 200): DemoResponse => ({ status, body });
export const noContent = (): DemoResponse => ({ status: 204 });

export function context(req: DemoRequest, entitySet: string): string {
  return `${req.origin}/v1.0/$metadata#${entitySet}`;
}

export interface CollectionOptions {
  typeName: string;
  entitySet: string;
  properties: readonly string[];
  /** Returned when no $select is given (users return a small default set, as on Graph). */
  defaults?: readonly string[];
  searchable?: readonly string[];
  pageSize?: number;
  maxTop?: number;
}

/** A Graph collection answer: $filter, $search, $select, $top, $count and paging with $skiptoken and @odata.nextLink. */
export function collection(req: DemoRequest, items: Record<string, unknown>[], options: CollectionOptions): DemoResponse {
  const q = req.query;
  const filter = q.get('$filter');
  let selected = items;
  if (filter) {
    const predicate = parseFilter(filter, options.properties, options.typeName);
    // As Graph: a filter on a collection's count is an advanced query, with its header and $count=true.
    if (predicate.advanced && ((req.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual' || q.get('$count') !== 'true')) {
      throw new GraphHttpError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
    }
    selected = selected.filter(predicate);
  }
  if (q.has('$search')) {
    if (!options.searchable) throw badRequest(`Search is not supported on ${options.entitySet}.`, 'BadRequest');
    selected = selected.filter(parseSearch(q.get('$search'), req.headers['consistencylevel'], options.searchable)!);
  }
  if (q.get('$count') === 'true' && (req.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual') {
    throw new GraphHttpError(400, 'Request_UnsupportedQuery', "Count is not supported without the 'ConsistencyLevel: eventual' header.");
  }
  const select = parseSelect(q.get('$select'), options.properties, options.typeName);
  const top = parseTop(q.get('$top'), options.maxTop ?? 999);
  const pageSize = top ?? options.pageSize ?? 100;
  const skip = q.get('$skiptoken') ? Number(Buffer.from(q.get('$skiptoken')!, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(skip) || skip < 0) throw badRequest('The $skiptoken is invalid.', 'BadRequest');
  const page = selected.slice(skip, skip + pageSize);
  const body: Record<string, unknown> = { '@odata.context': context(req, options.entitySet) };
  if (q.get('$count') === 'true') body['@odata.count'] = selected.length;
  body.value = page.map((item) => applySelect(item, select, options.defaults ?? options.properties));
  if (skip + pageSize < selected.length) {
    const next = new URLSearchParams(q);
    next.set('$skiptoken', Buffer.from(String(skip + pageSize)).toString('base64url'));
    body['@odata.nextLink'] = `${req.origin}/v1.0${req.path}?${next.toString()}`;
  }
  return ok(body);
}

/** One entity, honouring $select. */
export function entity(req: DemoRequest, item: Record<string, unknown>, options: CollectionOptions, entitySetSuffix = '/$entity'): DemoResponse {
  const select = parseSelect(req.query.get('$select'), options.properties, options.typeName);
  return ok({ '@odata.context': context(req, options.entitySet + entitySetSuffix), ...applySelect(item, select, options.defaults ?? options.properties) });
}

export function requireBody(req: DemoRequest): Record<string, unknown> {
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  }
  return req.body;
}
