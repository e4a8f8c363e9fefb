/**
 * Every Microsoft Graph request the bot makes, with the application permission it relies on and why.
 * A test checks this list against the code (every request is declared) and against Microsoft's own
 * permission map (../shared/graph/permissions.json: the permission really grants it); the README's
 * permission table is this list.
 */
export interface GraphRequestUse {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Graph's path, ids as {id}. */
  path: string;
  permission: string;
  why: string;
}

export const GRAPH_REQUESTS: GraphRequestUse[] = [
  {
    method: 'GET',
    path: '/organization',
    permission: 'Organization.Read.All',
    why: 'At start-up: the tenant id (checked against GRAPH_TENANT_ID and every Teams message) and the organisation name shown on cards.',
  },
  {
    method: 'GET',
    path: '/subscribedSkus',
    permission: 'Organization.Read.All',
    why: 'The licence inventory: plans bought, units used and free.',
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
    why: 'Finding a person named without an e-mail address ($filter on first, last and display name).',
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
    why: 'Finding a group by name for a bulk licence change (« à l\'équipe commerciale »).',
  },
  {
    method: 'GET',
    path: '/groups/{id}/members',
    permission: 'GroupMember.Read.All',
    why: 'The members of that group.',
  },
  {
    method: 'PATCH',
    path: '/users/{id}',
    permission: 'User.ReadWrite.All',
    why: "Setting a user's usage location (country), which Graph requires before assigning a licence.",
  },
  {
    method: 'PATCH',
    path: '/users/{id}',
    permission: 'User-PasswordProfile.ReadWrite.All',
    why: "Setting a temporary password (passwordProfile); the app's identity must also hold a directory role able to reset the target.",
  },
  {
    method: 'POST',
    path: '/users/{id}/assignLicense',
    permission: 'LicenseAssignment.ReadWrite.All',
    why: 'Assigning, removing and swapping licences (a swap is one call: add the new plan, remove the old).',
  },
  {
    method: 'POST',
    path: '/roleManagement/directory/roleAssignments',
    permission: 'RoleManagement.ReadWrite.Directory',
    why: 'Granting a directory role from the allow-list.',
  },
  {
    method: 'DELETE',
    path: '/roleManagement/directory/roleAssignments/{id}',
    permission: 'RoleManagement.ReadWrite.Directory',
    why: 'Revoking a directory role (never the last Global Administrator).',
  },
  {
    method: 'POST',
    path: '/users',
    permission: 'User.ReadWrite.All',
    why: 'Creating an administrator account (no licence consumed).',
  },
  {
    method: 'POST',
    path: '/$batch',
    permission: 'LicenseAssignment.ReadWrite.All',
    why: 'Bulk licence changes, 20 assignLicense requests to a batch; $batch needs no permission of its own, each request inside needs its own.',
  },
];
