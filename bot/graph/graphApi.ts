import { randomUUID } from 'node:crypto';
import { Client } from '@microsoft/microsoft-graph-client';
import { toAppError } from './errors';

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/**
 * The services' only door to Graph: relative paths in, typed errors out.
 * Follows @odata.nextLink pages itself, so the same code works over https (Graph) and http (the demo tenant).
 */
export class GraphApi {
  constructor(private readonly client: Client, private readonly baseUrl: string) {}

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
   * audit log can name the exact Graph request, whether it succeeded or failed.
   */
  async send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, what: string): Promise<{ result: T; requestId: string }> {
    const requestId = randomUUID();
    try {
      const request = this.client.api(path).header('client-request-id', requestId);
      const result = (method === 'POST' ? await request.post(body) : method === 'PATCH' ? await request.patch(body) : await request.delete()) as T;
      return { result, requestId };
    } catch (error) {
      const typed = toAppError(error, what);
      throw typed.requestId ? typed : Object.assign(typed, { requestId });
    }
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
