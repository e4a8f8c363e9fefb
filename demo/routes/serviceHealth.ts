import { notFound } from '../graphError';
import { collection, CollectionOptions, entity, Route } from '../router';

const HEALTH: CollectionOptions = {
  typeName: 'microsoft.graph.serviceHealth',
  entitySet: 'admin/serviceAnnouncement/healthOverviews',
  properties: ['id', 'service', 'status', 'issues'],
};

const ISSUE: CollectionOptions = {
  typeName: 'microsoft.graph.serviceHealthIssue',
  entitySet: 'admin/serviceAnnouncement/issues',
  properties: [
    'id',
    'title',
    'service',
    'feature',
    'featureGroup',
    'classification',
    'status',
    'origin',
    'isResolved',
    'startDateTime',
    'endDateTime',
    'lastModifiedDateTime',
    'impactDescription',
    'posts',
    'details',
  ],
};

/** healthOverviews carry their issues only with $expand=issues, as on Graph. */
function overviews(store: { health: { overviews: Record<string, unknown>[]; issues: Record<string, unknown>[] } }, expand: string | null) {
  const withIssues = (expand ?? '')
    .split(',')
    .map((s) => s.trim())
    .includes('issues');
  return store.health.overviews.map((o) => (withIssues ? { ...o, issues: store.health.issues.filter((i) => i.service === o.service) } : o));
}

export const serviceHealthRoutes: Route[] = [
  {
    method: 'GET',
    template: '/admin/serviceAnnouncement/healthOverviews',
    handle: (req) => collection(req, overviews(req.store, req.query.get('$expand')), HEALTH),
  },
  {
    method: 'GET',
    template: '/admin/serviceAnnouncement/healthOverviews/{id}',
    handle: (req) => {
      const found = overviews(req.store, req.query.get('$expand')).find((o) => String(o.id).toLowerCase() === req.params.id.toLowerCase());
      if (!found) throw notFound(req.params.id);
      return entity(req, found, HEALTH);
    },
  },
  {
    method: 'GET',
    template: '/admin/serviceAnnouncement/issues',
    handle: (req) => collection(req, req.store.health.issues, ISSUE),
  },
  {
    method: 'GET',
    template: '/admin/serviceAnnouncement/issues/{id}',
    handle: (req) => {
      const found = req.store.health.issues.find((i) => i.id.toLowerCase() === req.params.id.toLowerCase());
      if (!found) throw notFound(req.params.id);
      return entity(req, found, ISSUE);
    },
  },
];
