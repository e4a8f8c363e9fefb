import { collection, CollectionOptions, entity, noContent, ok, requireBody, Route } from '../router';
import { USER } from './users';

const GROUP: CollectionOptions = {
  typeName: 'microsoft.graph.group',
  entitySet: 'groups',
  properties: [
    'id',
    'displayName',
    'description',
    'mail',
    'mailNickname',
    'mailEnabled',
    'securityEnabled',
    'groupTypes',
    'assignedLicenses',
    'createdDateTime',
    'visibility',
  ],
  searchable: ['displayName', 'description', 'mail'],
};

const ROLE_DEFINITION: CollectionOptions = {
  typeName: 'microsoft.graph.unifiedRoleDefinition',
  entitySet: 'roleManagement/directory/roleDefinitions',
  properties: ['id', 'templateId', 'displayName', 'description', 'isBuiltIn', 'isEnabled'],
};

const ROLE_ASSIGNMENT: CollectionOptions = {
  typeName: 'microsoft.graph.unifiedRoleAssignment',
  entitySet: 'roleManagement/directory/roleAssignments',
  properties: ['id', 'roleDefinitionId', 'principalId', 'directoryScopeId'],
};

export const directoryRoutes: Route[] = [
  {
    method: 'GET',
    template: '/groups',
    handle: (req) =>
      collection(
        req,
        [...req.store.groups.values()].map((g) => req.store.groupView(g)),
        GROUP,
      ),
  },
  {
    method: 'GET',
    template: '/groups/{id}',
    handle: (req) => entity(req, req.store.groupView(req.store.group(req.params.id)), GROUP),
  },
  {
    method: 'GET',
    template: '/groups/{id}/members',
    handle: (req) => {
      const members = req.store
        .group(req.params.id)
        .members.map((id) => ({ '@odata.type': '#microsoft.graph.user', ...req.store.userView(req.store.user(id)) }));
      const page = collection(req, members, { ...USER, entitySet: 'directoryObjects', searchable: undefined });
      const body = page.body as { value: Record<string, unknown>[] };
      body.value = body.value.map((m) => ({ '@odata.type': '#microsoft.graph.user', ...m }));
      return page;
    },
  },
  {
    method: 'GET',
    template: '/roleManagement/directory/roleDefinitions',
    handle: (req) => collection(req, req.store.roleDefinitions, ROLE_DEFINITION),
  },
  {
    method: 'GET',
    template: '/roleManagement/directory/roleDefinitions/{id}',
    handle: (req) => entity(req, req.store.roleDefinition(req.params.id), ROLE_DEFINITION),
  },
  {
    method: 'GET',
    template: '/roleManagement/directory/roleAssignments',
    handle: (req) => collection(req, [...req.store.roleAssignments.values()] as unknown as Record<string, unknown>[], ROLE_ASSIGNMENT),
  },
  {
    method: 'POST',
    template: '/roleManagement/directory/roleAssignments',
    handle: (req) => {
      const assignment = req.store.createRoleAssignment(requireBody(req));
      return { ...entity(req, assignment as unknown as Record<string, unknown>, ROLE_ASSIGNMENT), status: 201 };
    },
  },
  {
    method: 'GET',
    template: '/roleManagement/directory/roleAssignments/{id}',
    handle: (req) => entity(req, req.store.roleAssignment(req.params.id) as unknown as Record<string, unknown>, ROLE_ASSIGNMENT),
  },
  {
    method: 'DELETE',
    template: '/roleManagement/directory/roleAssignments/{id}',
    handle: (req) => {
      const assignment = req.store.roleAssignment(req.params.id);
      req.store.roleAssignments.delete(assignment.id);
      return noContent();
    },
  },
];

const DOMAIN: CollectionOptions = {
  typeName: 'microsoft.graph.domain',
  entitySet: 'domains',
  properties: [
    'id',
    'authenticationType',
    'isAdminManaged',
    'isDefault',
    'isInitial',
    'isRoot',
    'isVerified',
    'supportedServices',
    'passwordValidityPeriodInDays',
    'passwordNotificationWindowInDays',
    'state',
  ],
};

const DNS_RECORD: CollectionOptions = {
  typeName: 'microsoft.graph.domainDnsRecord',
  entitySet: 'domains/dnsRecords',
  properties: ['id', 'isOptional', 'label', 'recordType', 'supportedService', 'ttl', 'text', 'mailExchange', 'preference', 'canonicalName', '@odata.type'],
};

export const domainRoutes: Route[] = [
  { method: 'GET', template: '/domains', handle: (req) => collection(req, [...req.store.domains.values()], DOMAIN) },
  {
    method: 'POST',
    template: '/domains',
    handle: (req) => ({ ...entity(req, req.store.createDomain(requireBody(req)), DOMAIN), status: 201 }),
  },
  { method: 'GET', template: '/domains/{id}', handle: (req) => entity(req, req.store.domain(req.params.id), DOMAIN) },
  {
    method: 'GET',
    template: '/domains/{id}/verificationDnsRecords',
    handle: (req) => collection(req, req.store.verificationDnsRecords(req.store.domain(req.params.id)), DNS_RECORD),
  },
  {
    method: 'GET',
    template: '/domains/{id}/serviceConfigurationRecords',
    handle: (req) => collection(req, req.store.serviceConfigurationRecords(req.store.domain(req.params.id)), DNS_RECORD),
  },
  {
    method: 'POST',
    template: '/domains/{id}/verify',
    handle: (req) => ok({ '@odata.context': `${req.origin}/v1.0/$metadata#domains/$entity`, ...req.store.verifyDomain(req.store.domain(req.params.id)) }),
  },
];
