import type { Feature } from '../feature';
import { LICENSE_ROLES } from '../licences/feature';

/** The audit log of every write, read in chat (« journal d'audit »). The log itself is written by policy/audit.ts. */
export const audit = {
  name: 'audit',
  operations: [{ intent: 'audit.read', roles: ['Global Administrator', 'Global Reader', 'Privileged Role Administrator', ...LICENSE_ROLES] }],
  tables: ['audit'],
  graphRequests: [],
} as const satisfies Feature;
