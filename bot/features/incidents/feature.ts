import { oneOf, text, uuid, type FieldRule } from '../../policy/cardData';
import type { Feature } from '../feature';

/** The roles that work incidents from the helpdesk channel, see everyone's and list the open ones. */
export const INCIDENT_HANDLERS = ['Global Administrator', 'Helpdesk Administrator', 'Service Support Administrator', 'User Administrator'] as const;

/** An incident's number as a card carries it (INC-000123 → "123"). */
const incidentNumber: FieldRule = (value) => typeof value === 'string' && /^\d{1,8}$/.test(value);

/** What an incident card's buttons send (Action.Execute): the incident, and the comment or resolution typed beside them. */
const onIncident = { incident: incidentNumber, comment: text(1000), resolution: text(1000) };

/**
 * Incidents declared by users and worked by the helpdesk from its channel: numbered, kept in Table
 * Storage, linked to Microsoft's own service issues when there is one, and followed for the user.
 */
export const incidents = {
  name: 'incidents',
  operations: [
    { intent: 'incident.declare', roles: 'everyone' },
    // Everyone sees their own incidents; the handlers see everyone's.
    { intent: 'incident.status', roles: 'everyone' },
    { intent: 'incident.open', roles: INCIDENT_HANDLERS },
  ],
  tables: ['incidents'],
  graphRequests: [],
  cardVerbs: {
    // on the helpdesk channel's card
    incidentTake: onIncident,
    incidentComment: onIncident,
    incidentResolve: onIncident,
    // on the requester's card
    incidentAddComment: onIncident,
    incidentClose: onIncident,
  },
  submitFields: {
    // incidentForm: the declaration, bound to the latest form by its nonce
    incidentForm: uuid,
    service: text(100),
    impact: oneOf('me', 'team', 'company'),
    description: text(2000),
    since: text(200),
    phone: text(40),
  },
} as const satisfies Feature;
