import { allowed, Capability, Operation } from './capabilities';
import { AdminOnly, RoleRequired } from './errors';

export interface RoleSource {
  rolesOf(userId: string): Promise<string[]>;
}

/**
 * Who may do what: the caller is the Entra object id Teams sends (activity.from.aadObjectId, in the
 * tenant TeamsGuard already checked); their roles are read through Graph, never from the message;
 * the table (every feature's declared operations) says which roles allow which operation.
 */
export class Authorizer {
  constructor(
    private readonly roles: RoleSource,
    private readonly table: readonly Capability[],
  ) {}

  /** The caller's roles when they may do it; RoleRequired (naming the roles that would) when not. */
  async require(intent: Operation, callerId: string | undefined): Promise<string[]> {
    const capability = this.table.find((c) => c.intent === intent);
    if (!capability) throw new Error(`No permission rule for ${intent}`);
    const callerRoles = callerId ? await this.roles.rolesOf(callerId) : [];
    if (!allowed(capability, callerRoles)) {
      const needed = capability.roles === 'everyone' ? [] : capability.roles;
      const refusal = callerRoles.length === 0 ? AdminOnly : RoleRequired;
      throw new refusal(`${callerId ?? 'an unknown caller'} may not ${intent}`, { roles: needed.join(',') });
    }
    return callerRoles;
  }
}
