import type { FeatureDialogs } from '../core/routes';
import { HelpdeskChannelDialog } from './helpdeskChannelDialog';
import { PendingRequestsDialog } from './pendingRequestsDialog';

export const helpdeskDialogs: FeatureDialogs = (s) => [
  { intent: 'helpdesk.configure', dialog: new HelpdeskChannelDialog(s.authorizer, s.conversations, s.resetRequests, s.localizer) },
  { intent: 'helpdesk.pending', dialog: new PendingRequestsDialog(s.authorizer, s.resetRequests, s.cards, s.localizer) },
];
