import { NotFound } from '../../policy/errors';
import type { ServiceHealthService } from '../serviceHealth/serviceHealth';
import type { IncidentDesk } from './incidentDesk';

/**
 * Microsoft's outages followed for the requesters: each service issue an open incident is linked
 * to is read again (every INCIDENT_POLL_SECONDS); when Microsoft has posted an update or resolved
 * it, every linked requester is told and the helpdesk card shows it.
 */
export class OutageWatch {
  constructor(
    private readonly desk: IncidentDesk,
    private readonly health: ServiceHealthService,
  ) {}

  /** One round; how many incidents learned something new. */
  async poll(): Promise<number> {
    const following = await this.desk.following();
    let told = 0;
    for (const id of new Set(following.map((i) => i.issue!.id))) {
      let issue;
      try {
        issue = await this.health.issue(id);
      } catch (error) {
        if (error instanceof NotFound) continue;
        throw error;
      }
      for (const incident of following.filter((i) => i.issue!.id === id)) {
        const linked = { id, title: issue.title, lastModified: issue.updatedAt, resolved: issue.resolved };
        if (await this.desk.issueChanged(incident.number, linked, issue.latestUpdate)) told++;
      }
    }
    return told;
  }
}
