import type { FeatureDialogs } from '../core/routes';
import { DeclareIncidentDialog } from './declareIncidentDialog';
import { IncidentActions } from './incidentActions';
import { IncidentStatusDialog } from './incidentStatusDialog';
import { OpenIncidentsDialog } from './openIncidentsDialog';

export const incidentDialogs: FeatureDialogs = (s) => {
  const actions = new IncidentActions(s.incidentDesk, s.incidentCards, s.cards, s.localizer);
  const helpdesk = actions.helpdesk.bind(actions);
  const requester = actions.requester.bind(actions);
  return {
    routes: [
      { intent: 'incident.declare', dialog: new DeclareIncidentDialog(s) },
      {
        intent: 'incident.status',
        dialog: new IncidentStatusDialog(
          s.incidentDesk,
          s.incidentCards,
          s.localizer,
          new OpenIncidentsDialog(s.authorizer, s.incidentDesk, s.incidentCards, s.localizer),
        ),
      },
      { intent: 'incident.open', dialog: new OpenIncidentsDialog(s.authorizer, s.incidentDesk, s.incidentCards, s.localizer) },
    ],
    cardActions: { incidentTake: helpdesk, incidentComment: helpdesk, incidentResolve: helpdesk, incidentAddComment: requester, incidentClose: requester },
  };
};
