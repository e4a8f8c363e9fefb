import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  AlreadyExists,
  AppError,
  GraphTimeout,
  GraphUnavailable,
  InvalidRequest,
  LicenseInheritedFromGroup,
  LicenseUnavailable,
  NotAuthorized,
  NotFound,
  PasswordTooWeak,
  Throttled,
  UnknownLicense,
  UsageLocationMissing,
} from '../policy/errors';

/** Graph's 400 messages that have a meaning of their own, matched the way Microsoft words them. */
const BAD_REQUEST_RULES: [RegExp, new (message: string, params?: Record<string, string>, requestId?: string) => AppError][] = [
  [/does not have any available licenses/i, LicenseUnavailable],
  [/invalid usage location/i, UsageLocationMissing],
  [/does not correspond to a valid company License/i, UnknownLicense],
  [/inherited from a group membership/i, LicenseInheritedFromGroup],
  [/password complexity|password.*(history|recently used)/i, PasswordTooWeak],
  [/already exists|conflicting object/i, AlreadyExists],
];

function statusOf(error: unknown): number | undefined {
  if (error instanceof GraphError) return error.statusCode;
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Network failures that happen before a request leaves: nothing reached Graph. */
const NEVER_SENT = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)\b/;

/** Whether Graph may still be carrying out a request that failed this way: no answer in time, or a gateway that gave up waiting. */
export function mayStillRun(error: AppError): boolean {
  return error instanceof GraphTimeout || (error instanceof GraphUnavailable && /HTTP 504\b/.test(error.message));
}

/**
 * Whether a write that failed this way may still have been carried out: no answer in time, a
 * connection dropped after sending, a 5xx. Graph's refusals (4xx), throttling (429) and a
 * connection never made are certain: nothing changed.
 */
export function answerLost(error: AppError): boolean {
  if (error instanceof GraphTimeout) return true;
  return error instanceof GraphUnavailable && !NEVER_SENT.test(error.message);
}

/** Turns whatever the Graph client threw into one of the typed errors the dialogs explain. */
export function toAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof GraphError ? (error.requestId ?? undefined) : undefined;
  const params = { what };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TimeoutError' || /aborted due to timeout/i.test(message)) {
    return new GraphTimeout(`Graph did not answer in time while ${what}`, params, requestId);
  }
  if (status === undefined || status === -1 || status === 0) {
    // Network failure, abort on timeout, or a response that was not Graph's.
    return new GraphUnavailable(`Graph unreachable while ${what}: ${message}`, params, requestId);
  }
  if (status === 404) return new NotFound(`${what}: ${message}`, params, requestId);
  if (status === 401 || status === 403) return new NotAuthorized(`${what}: ${message}`, params, requestId);
  if (status === 429) return new Throttled(`${what}: ${message}`, params, requestId);
  if (status >= 500) return new GraphUnavailable(`${what}: HTTP ${status} ${message}`, params, requestId);
  for (const [pattern, ErrorType] of BAD_REQUEST_RULES) {
    if (pattern.test(message)) return new ErrorType(`${what}: ${message}`, params, requestId);
  }
  return new InvalidRequest(`${what}: ${message}`, params, requestId);
}
