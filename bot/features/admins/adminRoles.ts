import { LastGlobalAdministrator, WriteOutcomeUnknown } from '../../policy/errors';
import { GraphApi } from '../../graph/graphApi';
import type { WriteReceipt } from '../licences/licenses';

/**
 * The directory roles the bot may grant or revoke (Microsoft's built-in roles, by template id,
 * which is the role definition id of a built-in role), and nothing else.
 */
export const GRANTABLE_ROLES: Record<string, string> = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  'License Administrator': '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  'Helpdesk Administrator': '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  'Password Administrator': '966707d0-3269-4727-9be2-8c3a10f19b9d',
  'Exchange Administrator': '29232cdf-9323-42fd-ade2-1d097af3e4de',
  'SharePoint Administrator': 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  'Teams Administrator': '69091246-20e8-4a56-aa4d-066075b2a7a8',
  'Service Support Administrator': 'f023fd81-a637-4b56-95fd-791ac0226033',
};

interface Assignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
}

export class AdminRoleService {
  constructor(private readonly graph: GraphApi) {}

  async grant(userId: string, role: string): Promise<WriteReceipt> {
    const roleDefinitionId = definitionOf(role);
    const { requestId } = await this.graph.send(
      'POST',
      '/roleManagement/directory/roleAssignments',
      { '@odata.type': '#microsoft.graph.unifiedRoleAssignment', roleDefinitionId, principalId: userId, directoryScopeId: '/' },
      `granting ${role}`,
    );
    return { requestId };
  }

  /** How many principals hold a role. */
  async holders(role: string): Promise<number> {
    return (await this.assignments(`roleDefinitionId eq '${definitionOf(role)}'`)).length;
  }

  /** Removes the role; the last Global Administrator can never lose it. */
  async revoke(userId: string, role: string): Promise<WriteReceipt[]> {
    const roleDefinitionId = definitionOf(role);
    if (role === 'Global Administrator' && (await this.holders(role)) <= 1)
      throw new LastGlobalAdministrator(`${userId} holds the last Global Administrator assignment`);
    const mine = (await this.assignments(`principalId eq '${userId}'`)).filter((a) => a.roleDefinitionId.toLowerCase() === roleDefinitionId);
    const receipts: WriteReceipt[] = [];
    for (const assignment of mine) {
      const { requestId } = await this.graph.send('DELETE', `/roleManagement/directory/roleAssignments/${assignment.id}`, undefined, `revoking ${role}`);
      receipts.push({ requestId });
    }
    return receipts;
  }

  /**
   * A new account for an administrator: on a verified domain, enabled, with a temporary password; no
   * licence. When Graph's answer is lost, the account is looked for by its address: found, it is the
   * one just made (the address was free), with the password sent.
   */
  async createAccount(account: { displayName: string; userPrincipalName: string; password: string }): Promise<{ id: string; receipt: WriteReceipt }> {
    try {
      return await this.create(account);
    } catch (error) {
      if (!(error instanceof WriteOutcomeUnknown)) throw error;
      await error.settled();
      const made = await this.graph
        .get<{ id: string }>(`/users/${encodeURIComponent(account.userPrincipalName)}?$select=id`, 'reading the account just made')
        .catch(() => undefined);
      if (!made) throw error;
      return { id: made.id, receipt: { requestId: error.requestId ?? '' } };
    }
  }

  private async create(account: { displayName: string; userPrincipalName: string; password: string }): Promise<{ id: string; receipt: WriteReceipt }> {
    const { result, requestId } = await this.graph.send<{ id: string }>(
      'POST',
      '/users',
      {
        accountEnabled: true,
        displayName: account.displayName,
        mailNickname: account.userPrincipalName.split('@')[0].replace(/[^A-Za-z0-9._-]/g, ''),
        userPrincipalName: account.userPrincipalName,
        passwordProfile: { password: account.password, forceChangePasswordNextSignIn: true },
      },
      `creating the account ${account.userPrincipalName}`,
    );
    return { id: result.id, receipt: { requestId } };
  }

  private assignments(filter: string): Promise<Assignment[]> {
    return this.graph.getAll<Assignment>(`/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(filter)}`, 'reading role assignments');
  }
}

function definitionOf(role: string): string {
  const id = GRANTABLE_ROLES[role];
  if (!id) throw new Error(`${role} is not a role the bot may grant or revoke`);
  return id;
}
