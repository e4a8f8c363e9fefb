import type { Feature } from '../feature';

export const DOMAIN_MANAGERS = ['Global Administrator', 'Domain Name Administrator'] as const;

/** The tenant's domains from Graph: their status, the record that verifies one, the records mail needs. */
export const domains = {
  name: 'domains',
  operations: [{ intent: 'domain.setup', roles: DOMAIN_MANAGERS }],
  tables: [],
  graphRequests: [
    { method: 'GET', path: '/domains', permission: 'Domain.Read.All', why: "The organization's domains and whether each is verified (« mes domaines »)." },
    {
      method: 'GET',
      path: '/domains/{id}/verificationDnsRecords',
      permission: 'Domain.Read.All',
      why: 'The TXT record that proves the organization owns a domain it added.',
    },
    {
      method: 'GET',
      path: '/domains/{id}/serviceConfigurationRecords',
      permission: 'Domain.Read.All',
      why: 'The records to create so that mail uses the domain (MX, autodiscover CNAME, SPF TXT), with their exact values.',
    },
    { method: 'POST', path: '/domains', permission: 'Domain.ReadWrite.All', why: 'Adding a domain to the organization (confirmed, audited).' },
    {
      method: 'POST',
      path: '/domains/{id}/verify',
      permission: 'Domain.ReadWrite.All',
      why: "Asking Microsoft to check a domain's TXT record (confirmed, audited).",
    },
  ],
} as const satisfies Feature;
