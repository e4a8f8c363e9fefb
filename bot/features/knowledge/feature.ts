import type { Feature } from '../feature';

/**
 * What the bot answers from its bilingual knowledge base: Outlook and mail set-up, and how to reach
 * the support.
 */
export const knowledge = {
  name: 'knowledge',
  operations: [
    { intent: 'mail.setup', roles: 'everyone' },
    { intent: 'support.contact', roles: 'everyone' },
  ],
  tables: [],
  graphRequests: [],
} as const satisfies Feature;
