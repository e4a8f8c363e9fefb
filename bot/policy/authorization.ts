import { allowed, Capability, Operation } from './capabilities';
import { AdminOnly, RoleRequired } from './errors';

export interface RoleSource {
  /** Recent enough for a read (a minute's cache). */
  rolesOf(userId: string): Promise<string[]>;
  /** Read from Entra now, for a write at the click. */
  currentRolesOf(userId: string): Promise<string[]>;
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

  /** The caller's roles (a minute old at most) when they may do it; RoleRequired (naming the roles that would) when not. */
  require(intent: Operation, callerId: string | undefined): Promise<string[]> {
    return this.check(intent, callerId, (id) => this.roles.rolesOf(id));
  }

  /** The same, with the roles read from Entra now: what a write checks at the click. */
  requireNow(intent: Operation, callerId: string | undefined): Promise<string[]> {
    return this.check(intent, callerId, (id) => this.roles.currentRolesOf(id));
  }

  private async check(intent: Operation, callerId: string | undefined, rolesOf: (id: string) => Promise<string[]>): Promise<string[]> {
    const capability = this.table.find((c) => c.intent === intent);
    if (!capability) throw new Error(`No permission rule for ${intent}`);
    const callerRoles = callerId ? await rolesOf(callerId) : [];
    if (!allowed(capability, callerRoles)) {
      const needed = capability.roles === 'everyone' ? [] : capability.roles;
      const refusal = callerRoles.length === 0 ? AdminOnly : RoleRequired;
      throw new refusal(`${callerId ?? 'an unknown caller'} may not ${intent}`, { roles: needed.join(',') });
    }
    return callerRoles;
  }
}
