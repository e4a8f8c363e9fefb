import type { Feature } from '../feature';

/** The roles that see the details of Microsoft's service issues (everyone may ask whether a service is down). */
export const HEALTH_READERS = [
  'Global Administrator',
  'Global Reader',
  'Service Support Administrator',
  'Helpdesk Administrator',
  'Exchange Administrator',
  'SharePoint Administrator',
  'Teams Administrator',
  'User Administrator',
  'License Administrator',
] as const;

/** Microsoft 365 service health, live from Graph: each service's status and its open issues. */
export const serviceHealth = {
  name: 'serviceHealth',
  operations: [{ intent: 'service.health', roles: 'everyone' }],
  tables: [],
  graphRequests: [
    {
      method: 'GET',
      path: '/admin/serviceAnnouncement/healthOverviews',
      permission: 'ServiceHealth.Read.All',
      why: "The status of each Microsoft 365 service (« est-ce qu'Exchange est en panne ? »).",
    },
    {
      method: 'GET',
      path: '/admin/serviceAnnouncement/issues',
      permission: 'ServiceHealth.Read.All',
      why: "Microsoft's open issues on those services: impact, start, latest update.",
    },
    {
      method: 'GET',
      path: '/admin/serviceAnnouncement/issues/{id}',
      permission: 'ServiceHealth.Read.All',
      why: 'One issue linked to an incident, read again to tell its requester when Microsoft posts an update or resolves it.',
    },
  ],
} as const satisfies Feature;
