import { text, uuid } from '../../policy/cardData';
import type { Feature } from '../feature';
import { PASSWORD_ROLES } from '../passwords/feature';

/** Reset requests filed by users and decided by the helpdesk in its channel. */
export const helpdesk = {
  name: 'helpdesk',
  operations: [
    { intent: 'helpdesk.configure', roles: ['Global Administrator', 'User Administrator', 'Helpdesk Administrator'] },
    { intent: 'helpdesk.pending', roles: PASSWORD_ROLES },
  ],
  tables: ['requests'],
  graphRequests: [],
  cardVerbs: {
    resetApprove: { requestId: uuid, reason: text(300) },
    resetRefuse: { requestId: uuid, reason: text(300) },
  },
} as const satisfies Feature;
