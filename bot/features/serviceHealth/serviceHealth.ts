import { GraphApi } from '../../graph/graphApi';

/** An open issue Microsoft reports on a service. */
export interface ServiceIssue {
  id: string;
  title: string;
  /** incident (users are affected) or advisory (limited impact). */
  classification: string;
  status: string;
  startedAt: string;
  updatedAt: string;
  impact: string;
  /** Microsoft's latest post about it, as plain text. */
  latestUpdate?: string;
  resolved: boolean;
}

export interface ServiceState {
  id: string;
  name: string;
  status: string;
  /** Open issues, most recently updated first. */
  issues: ServiceIssue[];
}

interface GraphIssue {
  id: string;
  title: string;
  service: string;
  classification: string;
  status: string;
  isResolved: boolean;
  startDateTime: string;
  lastModifiedDateTime: string;
  impactDescription: string;
  posts?: { createdDateTime: string; description?: { content?: string } }[];
}

/** Statuses that mean the service works as it should. */
const HEALTHY = new Set([
  'serviceOperational',
  'serviceRestored',
  'resolved',
  'falsePositive',
  'postIncidentReviewPublished',
  'mitigated',
  'resolvedExternal',
  'mitigatedExternal',
]);

/** Microsoft 365 service health through Graph's service communications API. */
export class ServiceHealthService {
  constructor(private readonly graph: GraphApi) {}

  /** Every service with its status and open issues; the unhealthy ones first. */
  async services(): Promise<ServiceState[]> {
    const [overviews, issues] = await Promise.all([
      this.graph.getAll<{ id: string; service: string; status: string }>(
        '/admin/serviceAnnouncement/healthOverviews?$select=id,service,status',
        'reading the service health',
      ),
      this.graph.getAll<GraphIssue>('/admin/serviceAnnouncement/issues?$filter=isResolved eq false', 'reading the service issues'),
    ]);
    const states = overviews.map((o) => ({
      id: o.id,
      name: o.service,
      status: o.status,
      issues: issues
        .filter((i) => !i.isResolved && i.service === o.service)
        .map(toIssue)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    }));
    return states.sort((a, b) => Number(isHealthy(a)) - Number(isHealthy(b)) || a.name.localeCompare(b.name));
  }

  /** Microsoft's open issues on one service (its name as service health gives it), most recently updated first. */
  async openIssuesOf(service: string): Promise<ServiceIssue[]> {
    const issues = await this.graph.getAll<GraphIssue>('/admin/serviceAnnouncement/issues?$filter=isResolved eq false', 'reading the service issues');
    return issues
      .filter((i) => !i.isResolved && i.service === service)
      .map(toIssue)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** One issue as Microsoft reports it now (NotFound when it has none by that id). */
  async issue(id: string): Promise<ServiceIssue> {
    return toIssue(await this.graph.get<GraphIssue>(`/admin/serviceAnnouncement/issues/${encodeURIComponent(id)}`, 'reading a service issue'));
  }
}

export function isHealthy(state: ServiceState): boolean {
  return HEALTHY.has(state.status) && state.issues.length === 0;
}

function toIssue(issue: GraphIssue): ServiceIssue {
  const latest = [...(issue.posts ?? [])].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))[0];
  return {
    id: issue.id,
    title: issue.title,
    classification: issue.classification,
    status: issue.status,
    startedAt: issue.startDateTime,
    updatedAt: issue.lastModifiedDateTime,
    impact: issue.impactDescription,
    latestUpdate: latest?.description?.content ? plainText(latest.description.content) : undefined,
    resolved: issue.isResolved,
  };
}

/** Microsoft's posts are HTML: their text, tags removed, entities decoded. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}
