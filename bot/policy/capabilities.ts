import type { Intent } from '../nlu/recognizer';

/**
 * What the bot offers, and to whom, by Entra directory role (Microsoft's least-privileged roles
 * for each task). The help card shows each caller what their roles allow.
 */
/** An intent, or an operation reached otherwise (the audit log is asked for by name, not by an intent). */
export type Operation = Intent | 'audit.read' | 'helpdesk.configure' | 'helpdesk.pending';

export interface Capability {
  intent: Operation;
  /** 'everyone', or the roles that may use it (any of them). */
  roles: 'everyone' | readonly string[];
}

export const LICENSE_ROLES = ['Global Administrator', 'License Administrator', 'User Administrator'] as const;
const LICENSE_READERS = [...LICENSE_ROLES, 'Global Reader'] as const;
export const PASSWORD_ROLES = [
  'Global Administrator', 'Privileged Authentication Administrator', 'User Administrator', 'Helpdesk Administrator', 'Password Administrator', 'Authentication Administrator',
] as const;
const ROLE_MANAGERS = ['Global Administrator', 'Privileged Role Administrator'] as const;
const DOMAIN_MANAGERS = ['Global Administrator', 'Domain Name Administrator'] as const;

export const CAPABILITIES: readonly Capability[] = [
  { intent: 'license.list', roles: LICENSE_READERS },
  { intent: 'license.assign', roles: LICENSE_ROLES },
  { intent: 'license.change', roles: LICENSE_ROLES },
  { intent: 'license.remove', roles: LICENSE_ROLES },
  { intent: 'admin.create', roles: ROLE_MANAGERS },
  { intent: 'admin.roles', roles: ROLE_MANAGERS },
  { intent: 'domain.setup', roles: DOMAIN_MANAGERS },
  { intent: 'password.reset', roles: 'everyone' },
  { intent: 'password.change', roles: 'everyone' },
  { intent: 'incident.declare', roles: 'everyone' },
  { intent: 'incident.status', roles: 'everyone' },
  { intent: 'service.health', roles: 'everyone' },
  { intent: 'mail.setup', roles: 'everyone' },
  { intent: 'support.contact', roles: 'everyone' },
  { intent: 'helpdesk.configure', roles: ['Global Administrator', 'User Administrator', 'Helpdesk Administrator'] },
  { intent: 'helpdesk.pending', roles: PASSWORD_ROLES },
  { intent: 'audit.read', roles: ['Global Administrator', 'Global Reader', 'Privileged Role Administrator', ...LICENSE_ROLES] },
];

export function allowed(capability: Capability, callerRoles: readonly string[]): boolean {
  return capability.roles === 'everyone' || capability.roles.some((role) => callerRoles.includes(role));
}
