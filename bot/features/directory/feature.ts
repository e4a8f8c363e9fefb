import type { Feature } from '../feature';

/** People, groups, directory roles and the organisation, read through Graph: what every other capability builds on. */
export const directory = {
  name: 'directory',
  operations: [],
  tables: [],
  graphRequests: [
    {
      method: 'GET',
      path: '/organization',
      permission: 'Organization.Read.All',
      why: 'At start-up: the tenant id (checked against GRAPH_TENANT_ID and every Teams message) and the organisation name shown on cards.',
    },
    {
      method: 'GET',
      path: '/users/{id}',
      permission: 'User.Read.All',
      why: 'The person a request is about, by e-mail address (name, job title, department).',
    },
    {
      method: 'GET',
      path: '/users',
      permission: 'User.Read.All',
      why: 'Finding a person named without an e-mail address ($filter on first, last and display name), the people of a department, and who holds a licence (assignedLicenses/any).',
    },
    {
      method: 'GET',
      path: '/users/{id}/manager',
      permission: 'User.Read.All',
      why: "A user's manager, who may receive a temporary password in the user's place when the user asks for it.",
    },
    {
      method: 'GET',
      path: '/roleManagement/directory/roleAssignments',
      permission: 'RoleManagement.Read.Directory',
      why: "The caller's Entra directory roles, which decide what they may ask (help card, authorization).",
    },
    {
      method: 'GET',
      path: '/roleManagement/directory/roleDefinitions',
      permission: 'RoleManagement.Read.Directory',
      why: 'The names of the directory roles.',
    },
    {
      method: 'GET',
      path: '/groups/{id}',
      permission: 'GroupMember.Read.All',
      why: 'The name of the group a licence is inherited from (such a licence cannot be removed from the user directly).',
    },
    {
      method: 'GET',
      path: '/groups',
      permission: 'GroupMember.Read.All',
      why: "Finding a group by name for a bulk licence change (« à l'équipe commerciale »).",
    },
    {
      method: 'GET',
      path: '/groups/{id}/members',
      permission: 'GroupMember.Read.All',
      why: 'The members of that group.',
    },
  ],
} as const satisfies Feature;
