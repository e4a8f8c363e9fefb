import type { Feature } from '../feature';

/**
 * What the bot answers from its bilingual knowledge base today: Outlook and mail set-up, support,
 * and the topics whose capability is not built yet (incidents), each
 * offered to the roles that will use it.
 */
export const knowledge = {
  name: 'knowledge',
  operations: [
    { intent: 'incident.declare', roles: 'everyone' },
    { intent: 'incident.status', roles: 'everyone' },
    { intent: 'mail.setup', roles: 'everyone' },
    { intent: 'support.contact', roles: 'everyone' },
  ],
  tables: [],
  graphRequests: [],
} as const satisfies Feature;
