import { GraphApi } from '../../graph/graphApi';
import { DomainNotVerified, InvalidRequest } from '../../policy/errors';
import type { WriteReceipt } from '../licences/licenses';

export interface TenantDomain {
  name: string;
  verified: boolean;
  isDefault: boolean;
  /** The initial *.onmicrosoft.com domain, which cannot be removed nor used for everything. */
  initial: boolean;
}

/** A DNS record to create at the registrar, as Microsoft 365 gives it. */
export interface DnsRecord {
  type: 'TXT' | 'MX' | 'CNAME' | 'SRV' | string;
  /** The host name, « @ » for the domain itself. */
  host: string;
  value: string;
  /** MX only. */
  priority?: number;
  ttl: number;
  /** The service it serves (Email, OfficeCommunicationsOnline…). */
  service: string;
  optional: boolean;
}

interface GraphDomain {
  id: string;
  isVerified: boolean;
  isDefault: boolean;
  isInitial: boolean;
}

interface GraphRecord {
  recordType: string;
  label: string;
  ttl: number;
  supportedService: string;
  isOptional: boolean;
  text?: string;
  mailExchange?: string;
  preference?: number;
  canonicalName?: string;
}

/** The tenant's domains through Graph, in the domain's words: no Graph shape leaves this class. */
export class DomainService {
  constructor(private readonly graph: GraphApi) {}

  async list(): Promise<TenantDomain[]> {
    const domains = await this.graph.getAll<GraphDomain>('/domains?$select=id,isVerified,isDefault,isInitial', 'reading the domains');
    return domains
      .map((d) => ({ name: d.id, verified: d.isVerified, isDefault: d.isDefault, initial: d.isInitial }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  }

  /** The TXT record that proves ownership of a domain not verified yet (the MX alternative left out). */
  async verificationRecords(domain: string): Promise<DnsRecord[]> {
    const records = await this.graph.getAll<GraphRecord>(`/domains/${encodeURIComponent(domain)}/verificationDnsRecords`, 'reading the verification record');
    return records.filter((r) => r.recordType.toUpperCase() === 'TXT').map((r) => toRecord(r, domain));
  }

  /** Adds a domain to the organization (not verified yet: its TXT record comes next). */
  async add(domain: string): Promise<WriteReceipt> {
    const { requestId } = await this.graph.send('POST', '/domains', { id: domain }, `adding ${domain}`);
    return { requestId };
  }

  /**
   * Asks Microsoft to check the domain's TXT record. DomainNotVerified, naming the record, when
   * the DNS does not show it yet.
   */
  async verify(domain: string): Promise<WriteReceipt> {
    try {
      const { requestId } = await this.graph.send('POST', `/domains/${encodeURIComponent(domain)}/verify`, {}, `verifying ${domain}`);
      return { requestId };
    } catch (error) {
      if (!(error instanceof InvalidRequest) || !/not (be )?found|verification failed/i.test(error.message)) throw error;
      const record = (await this.verificationRecords(domain))[0]?.value ?? '';
      throw new DomainNotVerified(error.message, { domain, record }, error.requestId);
    }
  }

  /** The records mail (and the other services) need, with the exact values for this domain. */
  async mailRecords(domain: string): Promise<DnsRecord[]> {
    const records = await this.graph.getAll<GraphRecord>(`/domains/${encodeURIComponent(domain)}/serviceConfigurationRecords`, 'reading the DNS records');
    return records.filter((r) => r.supportedService === 'Email').map((r) => toRecord(r, domain));
  }
}

function toRecord(record: GraphRecord, domain: string): DnsRecord {
  const host = record.label.toLowerCase() === domain.toLowerCase() ? '@' : record.label.replace(new RegExp(`\\.${domain.replace(/\./g, '\\.')}$`, 'i'), '');
  return {
    type: record.recordType.toUpperCase(),
    host,
    value: record.text ?? record.mailExchange ?? record.canonicalName ?? '',
    priority: record.preference,
    ttl: record.ttl,
    service: record.supportedService,
    optional: record.isOptional,
  };
}
