/**
 * Who may reset whose password, as Microsoft Entra ID decides it (Microsoft's "Who can reset
 * passwords" table). A user without a directory role is a non-administrator.
 */

const HELPDESK_SET = [
  'Directory Readers',
  'Guest Inviter',
  'Helpdesk Administrator',
  'Message Center Reader',
  'Password Administrator',
  'Reports Reader',
  'Usage Summary Reports Reader',
];

/** For each role that can reset passwords: the roles its targets may hold ('*' = anyone). */
const MAY_RESET: Record<string, readonly string[] | '*'> = {
  'Global Administrator': '*',
  'Privileged Authentication Administrator': '*',
  'User Administrator': [...HELPDESK_SET, 'Groups Administrator', 'User Administrator'],
  'Helpdesk Administrator': HELPDESK_SET,
  'Authentication Administrator': [...HELPDESK_SET.filter((r) => r !== 'Helpdesk Administrator'), 'Authentication Administrator'],
  'Password Administrator': ['Directory Readers', 'Guest Inviter', 'Password Administrator'],
};

export const PASSWORD_RESETTERS = Object.keys(MAY_RESET);

/** Whether a caller holding `callerRoles` may reset the password of someone holding `targetRoles`. */
export function mayResetPassword(callerRoles: readonly string[], targetRoles: readonly string[]): boolean {
  return callerRoles.some((role) => {
    const reach = MAY_RESET[role];
    if (!reach) return false;
    return reach === '*' || targetRoles.every((target) => reach.includes(target));
  });
}

/** The roles that would allow resetting the password of someone holding `targetRoles`. */
export function rolesAbleToReset(targetRoles: readonly string[]): string[] {
  return PASSWORD_RESETTERS.filter((role) => mayResetPassword([role], targetRoles));
}
