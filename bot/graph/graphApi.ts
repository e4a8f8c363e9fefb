import { randomUUID } from 'node:crypto';
import { Client } from '@microsoft/microsoft-graph-client';
import { answerLost, mayStillRun, toAppError } from './errors';
import { WriteOutcomeUnknown } from '../policy/errors';

export const BATCH_LIMIT = 20;

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version, e.g. /users/{id}/assignLicense. */
  url: string;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: { error?: { code?: string; message?: string } } & Record<string, unknown>;
}

function headerOf(response: BatchResponse, name: string): string | undefined {
  const entry = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/**
 * The services' only door to Graph: relative paths in, typed errors out.
 * Follows @odata.nextLink pages itself, so the same code works over https (Graph) and http (the demo tenant).
 */
export class GraphApi {
  constructor(
    private readonly client: Client,
    private readonly baseUrl: string,
  ) {}

  async get<T>(path: string, what: string, headers: Record<string, string> = {}): Promise<T> {
    try {
      return (await this.client.api(path).headers(headers).get()) as T;
    } catch (error) {
      throw toAppError(error, what);
    }
  }

  async getAll<T>(path: string, what: string, headers: Record<string, string> = {}, limit = 10000): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next && items.length < limit) {
      const page: Page<T> = await this.get<Page<T>>(next, what, headers);
      items.push(...page.value);
      next = page['@odata.nextLink'] ? this.relative(page['@odata.nextLink']) : undefined;
    }
    return items.slice(0, limit);
  }

  async post<T>(path: string, body: unknown, what: string): Promise<T> {
    try {
      return (await this.client.api(path).post(body)) as T;
    } catch (error) {
      throw toAppError(error, what);
    }
  }

  /**
   * A write, tagged with a client-request-id of our own: Graph logs it with the request, so the
   * audit log can name the exact Graph request, whether it succeeded or failed. A write whose
   * answer was lost throws WriteOutcomeUnknown: the caller reads back what the tenant holds.
   */
  async send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, what: string): Promise<{ result: T; requestId: string }> {
    const requestId = randomUUID();
    try {
      const request = this.client.api(path).header('client-request-id', requestId);
      const result = (method === 'POST' ? await request.post(body) : method === 'PATCH' ? await request.patch(body) : await request.delete()) as T;
      return { result, requestId };
    } catch (error) {
      const typed = toAppError(error, what);
      if (answerLost(typed))
        throw Object.assign(new WriteOutcomeUnknown(typed.message, typed.params, typed.requestId ?? requestId), { stillRunning: mayStillRun(typed) });
      throw typed.requestId ? typed : Object.assign(typed, { requestId });
    }
  }

  /**
   * JSON batching: up to 20 requests in one POST /$batch. Requests Graph throttled inside the batch
   * (429 with their own Retry-After, which the client's retry handler never sees) are sent again
   * after the longest wait they asked for, up to `maxRounds` times. Answers come back by request id.
   */
  async batch(requests: BatchRequest[], what: string, maxRounds = 5): Promise<Map<string, BatchResponse>> {
    if (requests.length > BATCH_LIMIT) throw new Error(`A batch holds at most ${BATCH_LIMIT} requests, got ${requests.length}`);
    const answers = new Map<string, BatchResponse>();
    let pending = requests;
    for (let round = 0; pending.length > 0; round++) {
      const body = {
        requests: pending.map((r) => ({
          id: r.id,
          method: r.method,
          url: r.url,
          ...(r.body !== undefined ? { body: r.body, headers: { 'Content-Type': 'application/json' } } : {}),
        })),
      };
      const { result } = await this.send<{ responses: BatchResponse[] }>('POST', '/$batch', body, what);
      const throttled: BatchResponse[] = [];
      for (const response of result.responses) {
        if (response.status === 429 && round < maxRounds) throttled.push(response);
        else answers.set(response.id, response);
      }
      pending = pending.filter((r) => throttled.some((t) => t.id === r.id));
      if (pending.length > 0) {
        const waits = throttled.map((t) => Number(headerOf(t, 'retry-after') ?? 1));
        await new Promise((resolve) => setTimeout(resolve, Math.min(30, Math.max(...waits)) * 1000));
      }
    }
    return answers;
  }

  async patch(path: string, body: unknown, what: string): Promise<void> {
    try {
      await this.client.api(path).patch(body);
    } catch (error) {
      throw toAppError(error, what);
    }
  }

  async delete(path: string, what: string): Promise<void> {
    try {
      await this.client.api(path).delete();
    } catch (error) {
      throw toAppError(error, what);
    }
  }

  /** An absolute nextLink made relative to the API version, e.g. "/users?$skiptoken=…". */
  private relative(link: string): string {
    const url = new URL(link, this.baseUrl);
    return url.pathname.replace(/^\/(v1\.0|beta)/, '') + url.search;
  }
}
