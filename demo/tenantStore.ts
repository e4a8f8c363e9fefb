import { randomUUID, createHash } from 'node:crypto';
import { badRequest, GraphHttpError, notFound } from './graphError';
import { COMPLEXITY_MESSAGE, meetsComplexity } from './passwords';

/** The seed file's shape (demo/seed/tenant.json). */
export interface Seed {
  organization: Record<string, unknown> & { id: string; displayName: string };
  demoPassword: string;
  domains: (Record<string, unknown> & { id: string; isVerified: boolean; isDefault: boolean; isInitial: boolean })[];
  skus: (Record<string, unknown> & {
    skuId: string;
    skuPartNumber: string;
    prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut: number };
  })[];
  users: (Record<string, unknown> & { id: string; userPrincipalName: string; licenses: string[]; manager?: string })[];
  groups: (Record<string, unknown> & { id: string; displayName: string; licenses: string[]; members: string[] })[];
  roleDefinitions: (Record<string, unknown> & { id: string; displayName: string })[];
  roleAssignments: { principal: string; role: string }[];
  serviceHealth: {
    overviews: (Record<string, unknown> & { id: string; service: string })[];
    issues: (Record<string, unknown> & { id: string; service: string })[];
  };
}

interface LicenseAssignment {
  skuId: string;
  disabledPlans: string[];
}

export interface StoredUser extends Record<string, unknown> {
  id: string;
  /** The manager's object id (the user's manager navigation property). */
  managerId?: string;
  userPrincipalName: string;
  usageLocation: string | null;
  directLicenses: LicenseAssignment[];
  password: string;
  previousPasswords: string[];
  forceChangePasswordNextSignIn: boolean;
  lastPasswordChangeDateTime: string;
}

export interface StoredGroup extends Record<string, unknown> {
  id: string;
  licenses: LicenseAssignment[];
  members: string[];
}

export interface RoleAssignment {
  id: string;
  roleDefinitionId: string;
  principalId: string;
  directoryScopeId: string;
}

type Domain = Seed['domains'][number];

/** Properties a user has that are not returned unless asked for with $select (as Graph does). */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

export const USER_PROPERTIES = [
  ...USER_DEFAULT_PROPERTIES,
  'accountEnabled',
  'assignedLicenses',
  'licenseAssignmentStates',
  'assignedPlans',
  'city',
  'companyName',
  'country',
  'createdDateTime',
  'department',
  'employeeId',
  'mailNickname',
  'usageLocation',
  'userType',
  'passwordProfile',
  'proxyAddresses',
  'onPremisesSyncEnabled',
  'lastPasswordChangeDateTime',
] as const;

const ISO_COUNTRY = /^[A-Z]{2}$/;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The demo tenant's directory, in memory, with Microsoft Graph's rules: licence units consumed and
 * freed, usage location required, group-assigned licences not removable directly, password
 * complexity, unique UPNs on verified domains, role assignments, domains and their DNS records.
 */
export class TenantStore {
  readonly organization: Seed['organization'];
  readonly users = new Map<string, StoredUser>();
  readonly groups = new Map<string, StoredGroup>();
  readonly skus: Seed['skus'];
  readonly roleDefinitions: Seed['roleDefinitions'];
  readonly roleAssignments = new Map<string, RoleAssignment>();
  readonly domains = new Map<string, Domain>();
  /** Domains whose verification TXT record is "published" in the demo's pretend DNS. */
  readonly publishedTxt = new Set<string>();
  readonly health: Seed['serviceHealth'];

  constructor(seed: Seed) {
    const copy = JSON.parse(JSON.stringify(seed)) as Seed;
    this.organization = copy.organization;
    this.skus = copy.skus;
    this.roleDefinitions = copy.roleDefinitions;
    this.health = copy.serviceHealth;
    const skuByPart = (part: string) => {
      const sku = copy.skus.find((s) => s.skuPartNumber === part);
      if (!sku) throw new Error(`Seed names unknown SKU ${part}`);
      return { skuId: sku.skuId, disabledPlans: [] };
    };
    for (const domain of copy.domains) {
      this.domains.set(domain.id.toLowerCase(), domain);
      if (!domain.isVerified) this.publishedTxt.add(domain.id.toLowerCase());
    }
    for (const { licenses, manager: _manager, ...user } of copy.users) {
      this.users.set(user.id, {
        ...user,
        usageLocation: (user.usageLocation as string | null) ?? null,
        userType: 'Member',
        directLicenses: licenses.map(skuByPart),
        password: hash(copy.demoPassword),
        previousPasswords: [],
        forceChangePasswordNextSignIn: false,
        lastPasswordChangeDateTime: (user.lastPasswordChangeDateTime as string | undefined) ?? String(user.createdDateTime ?? '2022-03-01T09:00:00Z'),
        proxyAddresses: [`SMTP:${user.userPrincipalName}`],
        onPremisesSyncEnabled: null,
      });
    }
    for (const seeded of copy.users) {
      if (seeded.manager) this.users.get(seeded.id)!.managerId = this.user(seeded.manager).id;
    }
    for (const { licenses, members, ...group } of copy.groups) {
      this.groups.set(group.id, {
        ...group,
        licenses: licenses.map(skuByPart),
        members: members.map((upn) => this.user(upn).id),
        createdDateTime: '2022-03-01T09:00:00Z',
        visibility: 'Private',
      });
    }
    for (const { principal, role } of copy.roleAssignments) {
      const definition = this.roleDefinitions.find((r) => r.displayName === role);
      if (!definition) throw new Error(`Seed names unknown role ${role}`);
      const assignment = { id: randomUUID(), roleDefinitionId: definition.id, principalId: this.user(principal).id, directoryScopeId: '/' };
      this.roleAssignments.set(assignment.id, assignment);
    }
  }

  // ---- users -------------------------------------------------------------------------------

  /** By object id or userPrincipalName, as /users/{id | userPrincipalName} accepts. */
  user(idOrUpn: string): StoredUser {
    const key = decodeURIComponent(idOrUpn).toLowerCase();
    const found = this.users.get(key) ?? [...this.users.values()].find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
    if (!found) throw notFound(decodeURIComponent(idOrUpn));
    return found;
  }

  /** The user as Graph represents it (every property; the routes apply $select). */
  userView(user: StoredUser): Record<string, unknown> {
    const { directLicenses: _d, password: _p, previousPasswords: _h, forceChangePasswordNextSignIn: _f, managerId: _m, ...visible } = user;
    const states = this.licenseStates(user);
    const skus = new Map<string, LicenseAssignment>();
    for (const state of states) if (!skus.has(state.skuId)) skus.set(state.skuId, { skuId: state.skuId, disabledPlans: state.disabledPlans });
    return {
      ...visible,
      passwordProfile: null, // Graph never returns a password
      assignedLicenses: [...skus.values()],
      licenseAssignmentStates: states,
      assignedPlans: [...skus.keys()].flatMap((skuId) =>
        ((this.skus.find((s) => s.skuId === skuId)?.servicePlans as { servicePlanId: string; servicePlanName: string }[]) ?? []).map((p) => ({
          assignedDateTime: user.createdDateTime,
          capabilityStatus: 'Enabled',
          service: p.servicePlanName.startsWith('EXCHANGE') ? 'exchange' : p.servicePlanName.startsWith('TEAMS') ? 'TeamspaceAPI' : 'SharePoint',
          servicePlanId: p.servicePlanId,
        })),
      ),
    };
  }

  createUser(body: Record<string, unknown>): StoredUser {
    for (const required of ['accountEnabled', 'displayName', 'mailNickname', 'userPrincipalName', 'passwordProfile']) {
      if (body[required] === undefined || body[required] === null || body[required] === '') {
        throw badRequest(`Invalid value specified for property '${required}' of resource 'User'.`);
      }
    }
    const upn = String(body.userPrincipalName);
    const domain = upn.split('@')[1]?.toLowerCase();
    if (!domain || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(upn)) {
      throw badRequest('Property userPrincipalName is invalid.');
    }
    if (!this.domains.get(domain)?.isVerified) {
      throw badRequest(`The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.`);
    }
    if ([...this.users.values()].some((u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase())) {
      throw badRequest('Another object with the same value for property userPrincipalName already exists.');
    }
    const profile = body.passwordProfile as { password?: unknown; forceChangePasswordNextSignIn?: unknown };
    if (!meetsComplexity(profile.password)) throw badRequest(COMPLEXITY_MESSAGE);
    const usageLocation = body.usageLocation === undefined ? null : this.checkUsageLocation(body.usageLocation);
    const id = randomUUID();
    const user: StoredUser = {
      id,
      userPrincipalName: upn,
      displayName: body.displayName,
      givenName: body.givenName ?? null,
      surname: body.surname ?? null,
      mail: body.mail ?? null,
      mailNickname: body.mailNickname,
      jobTitle: body.jobTitle ?? null,
      department: body.department ?? null,
      officeLocation: body.officeLocation ?? null,
      mobilePhone: body.mobilePhone ?? null,
      businessPhones: [],
      preferredLanguage: body.preferredLanguage ?? null,
      city: body.city ?? null,
      country: body.country ?? null,
      companyName: body.companyName ?? null,
      accountEnabled: Boolean(body.accountEnabled),
      createdDateTime: new Date().toISOString(),
      lastPasswordChangeDateTime: new Date().toISOString(),
      usageLocation,
      userType: 'Member',
      proxyAddresses: [],
      onPremisesSyncEnabled: null,
      directLicenses: [],
      password: hash(String(profile.password)),
      previousPasswords: [],
      forceChangePasswordNextSignIn: profile.forceChangePasswordNextSignIn !== false,
    };
    this.users.set(id, user);
    return user;
  }

  private static readonly PATCHABLE = new Set([
    'accountEnabled',
    'displayName',
    'givenName',
    'surname',
    'jobTitle',
    'department',
    'officeLocation',
    'mobilePhone',
    'businessPhones',
    'preferredLanguage',
    'usageLocation',
    'city',
    'country',
    'companyName',
    'employeeId',
    'mailNickname',
    'passwordProfile',
    'mail',
    'userPrincipalName',
  ]);

  /** PATCH /users/{id}: validated as a whole before anything changes. */
  patchUser(user: StoredUser, body: Record<string, unknown>): void {
    for (const key of Object.keys(body)) {
      if (!TenantStore.PATCHABLE.has(key)) {
        if ((USER_PROPERTIES as readonly string[]).includes(key)) throw badRequest(`Property '${key}' is read-only and cannot be set.`);
        throw badRequest(`Property '${key}' does not exist as a declared property or extension property.`, 'Request_BadRequest');
      }
    }
    const changes: Partial<StoredUser> = {};
    if ('usageLocation' in body) changes.usageLocation = this.checkUsageLocation(body.usageLocation);
    if ('passwordProfile' in body) {
      const profile = body.passwordProfile as { password?: unknown; forceChangePasswordNextSignIn?: unknown } | null;
      if (!profile || typeof profile !== 'object') throw badRequest("Invalid value specified for property 'passwordProfile' of resource 'User'.");
      if (profile.password !== undefined) {
        if (!meetsComplexity(profile.password)) throw badRequest(COMPLEXITY_MESSAGE);
        changes.previousPasswords = [user.password, ...user.previousPasswords].slice(0, 5);
        changes.password = hash(String(profile.password));
        changes.lastPasswordChangeDateTime = new Date().toISOString();
      }
      if (profile.forceChangePasswordNextSignIn !== undefined) changes.forceChangePasswordNextSignIn = Boolean(profile.forceChangePasswordNextSignIn);
    }
    if ('userPrincipalName' in body) {
      const upn = String(body.userPrincipalName);
      const domain = upn.split('@')[1]?.toLowerCase();
      if (!domain || !this.domains.get(domain)?.isVerified) {
        throw badRequest(
          'The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.',
        );
      }
      if ([...this.users.values()].some((u) => u !== user && u.userPrincipalName.toLowerCase() === upn.toLowerCase())) {
        throw badRequest('Another object with the same value for property userPrincipalName already exists.');
      }
    }
    for (const [key, value] of Object.entries(body)) {
      if (key !== 'passwordProfile' && key !== 'usageLocation') (user as Record<string, unknown>)[key] = value;
    }
    Object.assign(user, changes);
  }

  private checkUsageLocation(value: unknown): string | null {
    if (value === null) return null;
    if (typeof value !== 'string' || !ISO_COUNTRY.test(value)) {
      throw badRequest("Invalid value specified for property 'usageLocation' of resource 'User'.");
    }
    return value;
  }

  /** POST /me/changePassword: the current password must match, the new one must be complex and new. */
  changePassword(user: StoredUser, body: Record<string, unknown>): void {
    if (typeof body.currentPassword !== 'string' || typeof body.newPassword !== 'string') {
      throw badRequest(
        "One or more parameters of the function import 'changePassword' are missing from the request payload. The missing parameters are: currentPassword, newPassword.",
      );
    }
    if (hash(body.currentPassword) !== user.password) {
      throw new GraphHttpError(403, 'Authorization_RequestDenied', 'The current password is incorrect.');
    }
    if (!meetsComplexity(body.newPassword) || body.newPassword === body.currentPassword) throw badRequest(COMPLEXITY_MESSAGE);
    if (user.previousPasswords.includes(hash(body.newPassword))) {
      throw badRequest('The password does not comply with the password history policy: it was used recently. Please provide a different password.');
    }
    user.previousPasswords = [user.password, ...user.previousPasswords].slice(0, 5);
    user.password = hash(body.newPassword);
    user.forceChangePasswordNextSignIn = false;
    user.lastPasswordChangeDateTime = new Date().toISOString();
  }

  // ---- service health (demo controls: Microsoft posting an update, resolving, opening an issue) ----------

  /** Microsoft posts an update on one of its issues (and resolves it when `resolve`): lastModifiedDateTime moves. */
  updateIssue(id: string, body: { post?: unknown; resolve?: unknown; status?: unknown }): Record<string, unknown> {
    const issue = this.health.issues.find((i) => i.id.toLowerCase() === id.toLowerCase());
    if (!issue) throw notFound(id);
    const at = new Date().toISOString();
    const posts = (issue.posts as unknown[] | undefined) ?? [];
    if (typeof body.post === 'string' && body.post.trim()) {
      posts.push({ createdDateTime: at, postType: 'regular', description: { contentType: 'html', content: body.post } });
    }
    issue.posts = posts;
    issue.lastModifiedDateTime = at;
    if (typeof body.status === 'string') issue.status = body.status;
    if (body.resolve === true) {
      Object.assign(issue, { isResolved: true, status: 'serviceRestored', endDateTime: at });
      const stillOpen = this.health.issues.some((i) => i.service === issue.service && !i.isResolved);
      const overview = this.health.overviews.find((o) => o.service === issue.service);
      if (overview && !stillOpen) overview.status = 'serviceOperational';
    }
    return issue;
  }

  /** Microsoft opens an issue on a service (the service's status follows). */
  openIssue(body: { id?: unknown; service?: unknown; title?: unknown; impact?: unknown; classification?: unknown }): Record<string, unknown> {
    const overview = this.health.overviews.find((o) => o.service === body.service);
    if (!overview) throw badRequest(`Unknown service '${String(body.service)}'.`);
    const at = new Date().toISOString();
    const issue = {
      id: typeof body.id === 'string' ? body.id : `${String(overview.id).slice(0, 2).toUpperCase()}${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
      title: String(body.title ?? 'Users may be unable to access the service'),
      service: overview.service,
      feature: 'General',
      featureGroup: 'Service',
      classification: body.classification === 'advisory' ? 'advisory' : 'incident',
      status: 'investigating',
      origin: 'microsoft',
      isResolved: false,
      startDateTime: at,
      endDateTime: null,
      lastModifiedDateTime: at,
      impactDescription: String(body.impact ?? 'Users may be affected.'),
      posts: [],
      details: [],
    };
    this.health.issues.push(issue);
    overview.status = 'serviceDegradation';
    return issue;
  }

  // ---- licences ------------------------------------------------------------------------------

  licenseStates(
    user: StoredUser,
  ): { assignedByGroup: string | null; skuId: string; disabledPlans: string[]; state: string; error: string; lastUpdatedDateTime: string }[] {
    const direct = user.directLicenses.map((l) => ({ assignedByGroup: null as string | null, ...l }));
    const inherited = [...this.groups.values()]
      .filter((g) => g.members.includes(user.id))
      .flatMap((g) => g.licenses.map((l) => ({ assignedByGroup: g.id as string | null, ...l })));
    return [...direct, ...inherited].map((l) => ({ ...l, state: 'Active', error: 'None', lastUpdatedDateTime: String(user.createdDateTime) }));
  }

  heldSkus(user: StoredUser): Set<string> {
    return new Set(this.licenseStates(user).map((s) => s.skuId));
  }

  consumedUnits(skuId: string): number {
    return [...this.users.values()].filter((u) => this.heldSkus(u).has(skuId)).length;
  }

  subscribedSkus(): Record<string, unknown>[] {
    return this.skus.map((sku) => ({
      id: `${this.organization.id}_${sku.skuId}`,
      accountId: this.organization.id,
      accountName: this.organization.displayName,
      ...sku,
      consumedUnits: this.consumedUnits(sku.skuId),
    }));
  }

  /** POST /users/{id}/assignLicense: all checks first, then one atomic change (a swap never loses the old plan on failure). */
  assignLicense(user: StoredUser, body: Record<string, unknown>): void {
    const missing = ['addLicenses', 'removeLicenses'].filter((k) => !Array.isArray(body[k]));
    if (missing.length > 0) {
      throw badRequest(
        `One or more parameters of the function import 'assignLicense' are missing from the request payload. The missing parameters are: ${missing.join(', ')}.`,
      );
    }
    const add = body.addLicenses as { skuId?: unknown; disabledPlans?: unknown }[];
    const remove = body.removeLicenses as unknown[];
    for (const entry of add) {
      const sku = this.skus.find((s) => s.skuId === entry?.skuId);
      if (!sku) throw badRequest(`License ${String(entry?.skuId)} does not correspond to a valid company License.`);
    }
    for (const skuId of remove) {
      if (!this.skus.some((s) => s.skuId === skuId)) throw badRequest(`License ${String(skuId)} does not correspond to a valid company License.`);
    }
    if (add.length > 0 && !user.usageLocation) throw badRequest('License assignment cannot be done for user with invalid usage location.');
    const states = this.licenseStates(user);
    for (const skuId of remove as string[]) {
      const direct = states.some((s) => s.skuId === skuId && s.assignedByGroup === null);
      const inherited = states.some((s) => s.skuId === skuId && s.assignedByGroup !== null);
      if (!direct && inherited) throw badRequest('User license is inherited from a group membership and it cannot be removed directly from the user.');
      if (!direct) throw badRequest(`User does not have a corresponding license. License ${skuId} cannot be removed.`);
    }
    const held = this.heldSkus(user);
    for (const entry of add) {
      const skuId = entry.skuId as string;
      if (held.has(skuId)) continue; // already held: only its disabled plans change, no unit consumed
      const sku = this.skus.find((s) => s.skuId === skuId)!;
      const freed = (remove as string[]).includes(skuId) ? 1 : 0;
      if (this.consumedUnits(skuId) - freed >= sku.prepaidUnits.enabled) {
        throw badRequest(`Subscription ${skuId} does not have any available licenses.`);
      }
    }
    const next = user.directLicenses.filter((l) => !(remove as string[]).includes(l.skuId));
    for (const entry of add) {
      const disabledPlans = Array.isArray(entry.disabledPlans) ? (entry.disabledPlans as string[]) : [];
      const existing = next.find((l) => l.skuId === entry.skuId);
      if (existing) existing.disabledPlans = disabledPlans;
      else next.push({ skuId: entry.skuId as string, disabledPlans });
    }
    user.directLicenses = next;
  }

  licenseDetails(user: StoredUser): Record<string, unknown>[] {
    return [...this.heldSkus(user)].map((skuId) => {
      const sku = this.skus.find((s) => s.skuId === skuId)!;
      return { id: `${user.id}_${skuId}`, skuId, skuPartNumber: sku.skuPartNumber, servicePlans: sku.servicePlans };
    });
  }

  // ---- groups ---------------------------------------------------------------------------------

  group(id: string): StoredGroup {
    const group = this.groups.get(decodeURIComponent(id).toLowerCase()) ?? [...this.groups.values()].find((g) => g.id.toLowerCase() === id.toLowerCase());
    if (!group) throw notFound(id);
    return group;
  }

  groupView(group: StoredGroup): Record<string, unknown> {
    const { licenses, members: _m, ...visible } = group;
    return { ...visible, assignedLicenses: licenses };
  }

  // ---- roles ----------------------------------------------------------------------------------

  roleDefinition(id: string): Seed['roleDefinitions'][number] {
    const found = this.roleDefinitions.find((r) => r.id.toLowerCase() === id.toLowerCase());
    if (!found) throw notFound(id);
    return found;
  }

  createRoleAssignment(body: Record<string, unknown>): RoleAssignment {
    for (const required of ['roleDefinitionId', 'principalId', 'directoryScopeId']) {
      if (typeof body[required] !== 'string' || body[required] === '') {
        throw badRequest(`Invalid value specified for property '${required}' of resource 'UnifiedRoleAssignment'.`);
      }
    }
    const roleDefinitionId = String(body.roleDefinitionId);
    if (!this.roleDefinitions.some((r) => r.id.toLowerCase() === roleDefinitionId.toLowerCase())) {
      throw notFound(roleDefinitionId);
    }
    const principalId = String(body.principalId);
    if (!this.users.has(principalId) && !this.groups.has(principalId)) throw notFound(principalId);
    if (body.directoryScopeId !== '/') throw badRequest('Only the tenant-wide scope "/" is supported for this role in the demo tenant.');
    const duplicate = [...this.roleAssignments.values()].some(
      (a) => a.principalId === principalId && a.roleDefinitionId.toLowerCase() === roleDefinitionId.toLowerCase(),
    );
    if (duplicate) throw badRequest('A conflicting object with one or more of the specified property values is present in the directory.');
    const assignment = { id: randomUUID(), roleDefinitionId, principalId, directoryScopeId: '/' };
    this.roleAssignments.set(assignment.id, assignment);
    return assignment;
  }

  roleAssignment(id: string): RoleAssignment {
    const found = this.roleAssignments.get(id);
    if (!found) throw notFound(id);
    return found;
  }

  // ---- domains --------------------------------------------------------------------------------

  domain(id: string): Domain {
    const found = this.domains.get(decodeURIComponent(id).toLowerCase());
    if (!found) throw notFound(id);
    return found;
  }

  createDomain(body: Record<string, unknown>): Domain {
    const id = typeof body.id === 'string' ? body.id.toLowerCase() : '';
    if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(id)) {
      throw badRequest(`Property 'id' is invalid: '${String(body.id)}' is not a valid domain name.`);
    }
    if (this.domains.has(id)) throw badRequest('Another object with the same value for property id already exists.');
    const domain: Domain = {
      id,
      authenticationType: 'Managed',
      isAdminManaged: true,
      isDefault: false,
      isInitial: false,
      isRoot: true,
      isVerified: false,
      supportedServices: [],
      passwordValidityPeriodInDays: 2147483647,
      passwordNotificationWindowInDays: 14,
      state: null,
    };
    this.domains.set(id, domain);
    return domain;
  }

  /** A domain's verification code, stable per domain (as the admin centre's MS=ms… value is). */
  verificationCode(domain: string): string {
    return 'ms' + parseInt(hash(domain).slice(0, 8), 16).toString().padStart(8, '0').slice(0, 8);
  }

  verifyDomain(domain: Domain): Domain {
    if (domain.isVerified) throw badRequest(`Domain ${domain.id} is already verified.`);
    if (!this.publishedTxt.has(domain.id)) {
      throw badRequest(
        `Domain verification failed for ${domain.id}: the DNS record MS=${this.verificationCode(domain.id)} was not found. DNS changes can take up to 72 hours to propagate.`,
      );
    }
    domain.isVerified = true;
    domain.supportedServices = ['Email', 'OfficeCommunicationsOnline'];
    return domain;
  }

  verificationDnsRecords(domain: Domain): Record<string, unknown>[] {
    const code = this.verificationCode(domain.id);
    return [
      {
        '@odata.type': '#microsoft.graph.domainDnsTxtRecord',
        id: `aceff52c-06a5-447f-ac5f-256ad243cc5c`,
        isOptional: false,
        label: domain.id,
        recordType: 'Txt',
        supportedService: null,
        ttl: 3600,
        text: `MS=${code}`,
      },
      {
        '@odata.type': '#microsoft.graph.domainDnsMxRecord',
        id: `5fbde38c-0865-497f-82b1-126f596bcee9`,
        isOptional: false,
        label: domain.id,
        recordType: 'Mx',
        supportedService: null,
        ttl: 3600,
        mailExchange: `${code}.msv1.invalid`,
        preference: 32767,
      },
    ];
  }

  serviceConfigurationRecords(domain: Domain): Record<string, unknown>[] {
    const mx = `${domain.id.replace(/\./g, '-')}.mail.protection.outlook.com`;
    const ids = (n: number) =>
      `${hash(domain.id + n).slice(0, 8)}-${hash(domain.id + n).slice(8, 12)}-4${hash(domain.id + n).slice(13, 16)}-8${hash(domain.id + n).slice(17, 20)}-${hash(domain.id + n).slice(20, 32)}`;
    return [
      {
        '@odata.type': '#microsoft.graph.domainDnsMxRecord',
        id: ids(1),
        isOptional: false,
        label: domain.id,
        recordType: 'Mx',
        supportedService: 'Email',
        ttl: 3600,
        mailExchange: mx,
        preference: 0,
      },
      {
        '@odata.type': '#microsoft.graph.domainDnsTxtRecord',
        id: ids(2),
        isOptional: false,
        label: domain.id,
        recordType: 'Txt',
        supportedService: 'Email',
        ttl: 3600,
        text: 'v=spf1 include:spf.protection.outlook.com -all',
      },
      {
        '@odata.type': '#microsoft.graph.domainDnsCnameRecord',
        id: ids(3),
        isOptional: false,
        label: `autodiscover.${domain.id}`,
        recordType: 'CName',
        supportedService: 'Email',
        ttl: 3600,
        canonicalName: 'autodiscover.outlook.com',
      },
      {
        '@odata.type': '#microsoft.graph.domainDnsCnameRecord',
        id: ids(4),
        isOptional: false,
        label: `sip.${domain.id}`,
        recordType: 'CName',
        supportedService: 'OfficeCommunicationsOnline',
        ttl: 3600,
        canonicalName: 'sipdir.online.lync.com',
      },
      {
        '@odata.type': '#microsoft.graph.domainDnsCnameRecord',
        id: ids(5),
        isOptional: false,
        label: `lyncdiscover.${domain.id}`,
        recordType: 'CName',
        supportedService: 'OfficeCommunicationsOnline',
        ttl: 3600,
        canonicalName: 'webdir.online.lync.com',
      },
    ];
  }
}
