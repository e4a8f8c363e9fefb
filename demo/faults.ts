import { GraphHttpError } from './graphError';

/**
 * A fault to inject: the next `count` requests matching method/path answer `status` instead
 * (0: no error, only the delay). With `afterApplying`, the request is carried out first and only its
 * answer is replaced: a write Graph made whose answer was lost. With `drop`, the connection is closed
 * without any answer (after applying, or before).
 */
export interface FaultRule {
  status: number;
  afterApplying?: boolean;
  drop?: boolean;
  count: number;
  method?: string;
  /** A regular expression tested against the path after /v1.0 (e.g. "assignLicense$"). */
  path?: string;
  /** Seconds, sent as Retry-After (429 and 503). */
  retryAfter?: number;
  /** Hold the request this long before answering (a timeout, seen from the client). */
  delayMs?: number;
}

export interface FaultSettings {
  /** Added to every top-level request (not to each request inside a $batch). */
  latencyMs?: number;
  rules?: FaultRule[];
}

const MESSAGES: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please retry after the time given in the Retry-After header.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway timed out.'],
  403: ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
};

/** Latency and throttling for tests and benchmarks, set at start or through POST /_demo/faults. */
export class FaultInjector {
  latencyMs = 0;
  private rules: FaultRule[] = [];

  configure(settings: FaultSettings): void {
    this.latencyMs = Math.max(0, settings.latencyMs ?? 0);
    this.rules = (settings.rules ?? []).map((r) => ({ ...r }));
  }

  settings(): FaultSettings {
    return { latencyMs: this.latencyMs, rules: this.rules.map((r) => ({ ...r })) };
  }

  /** The fault for this request, if one is due (consuming it), with the delay to wait first. */
  take(method: string, path: string): { error?: GraphHttpError; delayMs: number; afterApplying: boolean; drop: boolean } | undefined {
    const rule = this.rules.find((r) => r.count > 0 && (!r.method || r.method.toUpperCase() === method) && (!r.path || new RegExp(r.path, 'i').test(path)));
    if (!rule) return undefined;
    rule.count--;
    const how = { delayMs: rule.delayMs ?? 0, afterApplying: rule.afterApplying === true, drop: rule.drop === true };
    if (rule.status === 0) return how;
    const [code, message] = MESSAGES[rule.status] ?? ['UnknownError', `Injected failure ${rule.status}.`];
    const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
    return { ...how, error: new GraphHttpError(rule.status, code, message, headers) };
  }
}
