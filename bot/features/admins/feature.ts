import type { Feature } from '../feature';

export const ROLE_MANAGERS = ['Global Administrator', 'Privileged Role Administrator'] as const;

/** Administrators: their roles read, granted from an allow-list, revoked; new administrator accounts. */
export const admins = {
  name: 'admins',
  operations: [
    { intent: 'admin.create', roles: ROLE_MANAGERS },
    { intent: 'admin.roles', roles: ROLE_MANAGERS },
  ],
  tables: [],
  graphRequests: [
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
  ],
} as const satisfies Feature;
