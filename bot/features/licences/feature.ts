import type { Feature } from '../feature';

export const LICENSE_ROLES = ['Global Administrator', 'License Administrator', 'User Administrator'] as const;

/** The licence inventory; assigning, removing and changing plans, for one user or in bulk. */
export const licences = {
  name: 'licences',
  operations: [
    { intent: 'license.list', roles: [...LICENSE_ROLES, 'Global Reader'] },
    { intent: 'license.assign', roles: LICENSE_ROLES },
    { intent: 'license.change', roles: LICENSE_ROLES },
    { intent: 'license.remove', roles: LICENSE_ROLES },
    // « détail du rapport »: every outcome of the asker's last bulk job, paged
    { intent: 'license.report', roles: LICENSE_ROLES },
  ],
  tables: ['jobs'],
  graphRequests: [
    {
      method: 'GET',
      path: '/subscribedSkus',
      permission: 'Organization.Read.All',
      why: 'The licence inventory: plans bought, units used and free.',
    },
    {
      method: 'PATCH',
      path: '/users/{id}',
      permission: 'User.ReadWrite.All',
      why: "Setting a user's usage location (country), which Graph requires before assigning a licence.",
    },
    {
      method: 'POST',
      path: '/users/{id}/assignLicense',
      permission: 'LicenseAssignment.ReadWrite.All',
      why: 'Assigning, removing and swapping licences (a swap is one call: add the new plan, remove the old).',
    },
    {
      method: 'POST',
      path: '/$batch',
      permission: 'LicenseAssignment.ReadWrite.All',
      why: 'Bulk licence changes, 20 assignLicense requests to a batch; $batch needs no permission of its own, each request inside needs its own.',
    },
  ],
} as const satisfies Feature;
