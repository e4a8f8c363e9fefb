import { GraphApi } from '../../graph/graphApi';

interface RoleAssignment {
  principalId: string;
  roleDefinitionId: string;
}

interface RoleDefinition {
  id: string;
  displayName: string;
}

/** Callers cached before expired ones are looked for (a sweep costs a pass over the cache). */
const SWEEP_FROM = 256;

/** Who holds which Entra directory role, as the dialogs read it. */
export interface RoleDirectory {
  /** For reads and the help card: at most a minute old. */
  rolesOf(userId: string): Promise<string[]>;
  /** For a write or a decision, at the click: read from Entra now. */
  currentRolesOf(userId: string): Promise<string[]>;
  holders(): Promise<Map<string, string[]>>;
}

/**
 * The Entra directory roles a user holds, read through Graph (never taken from a message).
 * Reads cache them briefly per user (a role granted or removed in Entra counts within a minute);
 * a write reads them afresh at the click, and what it reads replaces the cached roles.
 */
export class DirectoryRoleService {
  private definitions?: Promise<Map<string, string>>;
  private readonly cache = new Map<string, { at: number; roles: Promise<string[]> }>();

  constructor(
    private readonly graph: GraphApi,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Role display names (e.g. "Global Administrator") held by the user with this object id. */
  rolesOf(userId: string): Promise<string[]> {
    const cached = this.cache.get(userId);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.roles;
    return this.currentRolesOf(userId);
  }

  /** Role display names held by the user now, read from Entra whatever the cache holds (a write at the click); cached for the reads after it. */
  currentRolesOf(userId: string): Promise<string[]> {
    const roles = this.read(userId);
    if (!this.cache.has(userId)) this.forgetExpired();
    this.cache.set(userId, { at: this.now(), roles });
    roles.catch(() => this.cache.delete(userId)); // a failure is not remembered
    return roles;
  }

  /** Entries past their time are dropped when a new user is cached, so the cache holds the last minute's callers only. */
  private forgetExpired(): void {
    if (this.cache.size < SWEEP_FROM) return;
    const now = this.now();
    for (const [id, entry] of this.cache) if (now - entry.at >= this.ttlMs) this.cache.delete(id);
  }

  /** Every principal holding a directory role, with the names of its roles. */
  async holders(): Promise<Map<string, string[]>> {
    const [names, assignments] = await Promise.all([
      this.roleNames(),
      this.graph.getAll<RoleAssignment>('/roleManagement/directory/roleAssignments?$select=principalId,roleDefinitionId', 'listing the administrators'),
    ]);
    const holders = new Map<string, string[]>();
    for (const a of assignments) {
      const role = names.get(a.roleDefinitionId.toLowerCase()) ?? a.roleDefinitionId;
      holders.set(a.principalId, [...(holders.get(a.principalId) ?? []), role].sort());
    }
    return holders;
  }

  private async read(userId: string): Promise<string[]> {
    if (!/^[0-9a-f-]{36}$/i.test(userId)) return [];
    const [names, assignments] = await Promise.all([
      this.roleNames(),
      this.graph.getAll<RoleAssignment>(
        `/roleManagement/directory/roleAssignments?$filter=principalId eq '${userId}'&$select=roleDefinitionId`,
        'reading your directory roles',
      ),
    ]);
    return [...new Set(assignments.map((a) => names.get(a.roleDefinitionId.toLowerCase()) ?? a.roleDefinitionId))].sort();
  }

  private roleNames(): Promise<Map<string, string>> {
    this.definitions ??= this.graph
      .getAll<RoleDefinition>('/roleManagement/directory/roleDefinitions?$select=id,displayName', 'reading the directory roles')
      .then((all) => new Map(all.map((d) => [d.id.toLowerCase(), d.displayName])))
      .catch((error) => {
        this.definitions = undefined;
        throw error;
      });
    return this.definitions;
  }
}
