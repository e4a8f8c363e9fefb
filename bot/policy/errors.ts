/**
 * Typed errors the services raise. Each names the locale key of the message a user sees
 * (bot/errorMessages.ts maps them, in one place) and carries only what that message needs.
 */
export abstract class AppError extends Error {
  abstract readonly messageKey: string;
  constructor(
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The user, licence, role or domain asked for does not exist. */
export class NotFound extends AppError {
  readonly messageKey = 'error.notFound';
}
/** Graph (or the bot's own permission table) refused the operation. */
export class NotAuthorized extends AppError {
  readonly messageKey = 'error.notAuthorized';
}
/** The request was malformed or broke one of Graph's rules that has no more specific error below. */
export class InvalidRequest extends AppError {
  readonly messageKey = 'error.invalidRequest';
}
export class AlreadyExists extends AppError {
  readonly messageKey = 'error.alreadyExists';
}
export class LicenseUnavailable extends AppError {
  readonly messageKey = 'error.licenseUnavailable';
}
export class UnknownLicense extends AppError {
  readonly messageKey = 'error.unknownLicense';
}
export class UsageLocationMissing extends AppError {
  readonly messageKey = 'error.usageLocationMissing';
}
export class LicenseInheritedFromGroup extends AppError {
  readonly messageKey = 'error.licenseInherited';
}
export class PasswordTooWeak extends AppError {
  readonly messageKey = 'error.passwordTooWeak';
}
/** Graph kept answering 429 after every retry. */
export class Throttled extends AppError {
  readonly messageKey = 'error.throttled';
}
/** Graph failed (5xx), timed out or could not be reached. */
export class GraphUnavailable extends AppError {
  readonly messageKey = 'error.graphUnavailable';
}
/** /me/changePassword: the current password given is not the right one. */
export class CurrentPasswordWrong extends AppError {
  readonly messageKey = 'error.currentPasswordWrong';
}
/** Graph did not answer a read in time (a write without an answer is WriteOutcomeUnknown). */
export class GraphTimeout extends AppError {
  readonly messageKey = 'error.graphTimeout';
}
/**
 * A write was sent to Graph and its answer was lost (the connection dropped after sending, a 5xx,
 * no answer in time): it may or may not have been carried out. Nobody may say it was not before
 * reading back what the tenant holds.
 */
export class WriteOutcomeUnknown extends AppError {
  readonly messageKey = 'error.outcomeUnknown';
  /**
   * Graph may still be carrying it out (no answer in time, a gateway timeout): what is read back at
   * once can show it not done yet. Otherwise Graph finished with the request (a 5xx, a connection
   * closed after sending) and what is read back is its outcome.
   */
  stillRunning = false;

  /** Gives a write Graph may still be carrying out a moment (SETTLE_MS) before the tenant is read back. */
  async settled(): Promise<void> {
    if (this.stillRunning) await new Promise((resolve) => setTimeout(resolve, WriteOutcomeUnknown.SETTLE_MS));
  }

  static readonly SETTLE_MS = 2_000;
}
/** A write to storage (state, audit log, records) failed. */
export class StorageFault extends AppError {
  readonly messageKey = 'error.storage';
}
/** Teams did not take a proactive message (the bot was removed from the team, the conversation is gone, or no answer). */
export class DeliveryFailed extends AppError {
  readonly messageKey = 'error.deliveryFailed';
}
/** Revoking this role would leave the organisation without a Global Administrator. */
export class LastGlobalAdministrator extends AppError {
  readonly messageKey = 'error.lastGlobalAdmin';
}
/** Microsoft could not find the domain's TXT record in its DNS yet; params: domain, record. */
export class DomainNotVerified extends AppError {
  readonly messageKey = 'error.domainNotVerified';
  /** The params its message needs, as an example (the message tests fill them with it). */
  static readonly example = { domain: 'contoso.fr', record: 'MS=ms12345678' };
}
/** The message is longer than Teams lets anyone post (about 28 KB): nothing of it was read. */
export class MessageTooLong extends AppError {
  readonly messageKey = 'error.messageTooLong';
}
/** The message came from a tenant other than the one this bot administers. */
export class ForeignTenant extends AppError {
  readonly messageKey = 'error.foreignTenant';
}

/** The error behind wrappers such as botbuilder-dialogs' DialogContextError (which keeps it in `.error`). */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { error?: unknown } | null)?.error;
    if (!(inner instanceof Error)) break;
    current = inner;
  }
  return current;
}

/** The caller's Entra roles do not allow the operation; params.roles lists the roles that would. */
export class RoleRequired extends AppError {
  readonly messageKey: string = 'error.roleRequired';
}
/** The caller holds no administrator role at all: someone who does must do it (they are told to ask). */
export class AdminOnly extends RoleRequired {
  override readonly messageKey = 'error.adminOnly';
}
