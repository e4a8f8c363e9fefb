import { text, uuid } from '../../policy/cardData';
import type { Feature } from '../feature';

/** The roles able to reset someone's password (each within Entra's reach rules, resetPolicy.ts). */
export const PASSWORD_ROLES = [
  'Global Administrator',
  'Privileged Authentication Administrator',
  'User Administrator',
  'Helpdesk Administrator',
  'Password Administrator',
  'Authentication Administrator',
] as const;

/** Resetting someone's password (administrators), and changing or recovering one's own (everyone). */
export const passwords = {
  name: 'passwords',
  operations: [
    // Everyone may ask: administrators reset within Entra's rules, others are offered self-service or the helpdesk.
    { intent: 'password.reset', roles: 'everyone', adminExampleFor: PASSWORD_ROLES },
    { intent: 'password.change', roles: 'everyone' },
  ],
  tables: [],
  graphRequests: [
    {
      method: 'PATCH',
      path: '/users/{id}',
      permission: 'User-PasswordProfile.ReadWrite.All',
      why: "Setting a temporary password (passwordProfile); the app's identity must also hold a directory role able to reset the target.",
    },
  ],
  submitFields: {
    // changePassword: the three password fields and the card's nonce
    changePassword: uuid,
    current: text(256),
    next: text(256),
    again: text(256),
  },
} as const satisfies Feature;
