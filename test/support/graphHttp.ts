/** A tiny client for tests that speak to the demo tenant over HTTP, the way Graph is spoken to. */
export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export function graphHttp(baseUrl: string) {
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    const response = await fetch(`${baseUrl}/v1.0${path}`, {
      method,
      headers: { Authorization: 'Bearer test', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };
}
