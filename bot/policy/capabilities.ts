import type { Intent } from '../nlu/recognizer';

/**
 * What the bot offers, and to whom, by Entra directory role (Microsoft's least-privileged roles
 * for each task). Each feature declares its own (bot/features/<name>/feature.ts); the Authorizer
 * and the help card read them all.
 */
/** An intent, or an operation asked for by name rather than through an intent label (bot/nlu/namedRequests.ts). */
export type Operation = Intent | 'audit.read' | 'helpdesk.configure' | 'helpdesk.pending' | 'incident.open' | 'license.report';

export interface Capability {
  intent: Operation;
  /** 'everyone', or the roles that may use it (any of them). */
  roles: 'everyone' | readonly string[];
  /**
   * The roles for which the help card shows its administrator's example (help.example.<intent>.admin):
   * a reset is offered to everyone, but a Helpdesk Administrator resets other people's passwords.
   */
  adminExampleFor?: readonly string[];
}

export function allowed(capability: Capability, callerRoles: readonly string[]): boolean {
  return capability.roles === 'everyone' || capability.roles.some((role) => callerRoles.includes(role));
}
