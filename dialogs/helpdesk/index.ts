import type { FeatureDialogs } from '../core/routes';
import { ResetRequestActions } from './helpdeskCards';
import { HelpdeskChannelDialog } from './helpdeskChannelDialog';
import { PendingRequestsDialog } from './pendingRequestsDialog';

export const helpdeskDialogs: FeatureDialogs = (s) => {
  const decisions = new ResetRequestActions(s.resetRequests, s.helpdeskCards, s.cards, s.localizer);
  const decide = decisions.decide.bind(decisions);
  // What the channel has not received yet, posted once it is designated: reset requests and incidents.
  const undelivered = { deliverPending: async () => (await s.resetRequests.deliverPending()) + (await s.incidentDesk.deliverPending()) };
  return {
    routes: [
      { intent: 'helpdesk.configure', dialog: new HelpdeskChannelDialog(s.authorizer, s.conversations, undelivered, s.localizer) },
      { intent: 'helpdesk.pending', dialog: new PendingRequestsDialog(s.authorizer, s.resetRequests, s.cards, s.localizer) },
    ],
    cardActions: { resetApprove: decide, resetRefuse: decide },
  };
};
