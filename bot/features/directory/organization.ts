import { GraphApi } from '../../graph/graphApi';

export interface TenantInfo {
  id: string;
  displayName: string;
  /** The verified domains, default first. */
  domains: string[];
}

interface Organization {
  id: string;
  displayName: string;
  verifiedDomains: { name: string; isDefault: boolean }[];
}

export class OrganizationService {
  constructor(private readonly graph: GraphApi) {}

  async describe(): Promise<TenantInfo> {
    const [org] = await this.graph.getAll<Organization>('/organization?$select=id,displayName,verifiedDomains', 'reading the organisation');
    if (!org) throw new Error('Graph returned no organisation');
    const domains = [...org.verifiedDomains].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)).map((d) => d.name);
    return { id: org.id, displayName: org.displayName, domains };
  }
}
