import { LicenseUnavailable } from '../../policy/errors';
import { GraphApi } from '../../graph/graphApi';
import { productName } from './skuCatalog';

/** A licence plan the tenant has bought, in the admin centre's terms. */
export interface LicensePlan {
  skuId: string;
  skuPartNumber: string;
  name: string;
  /** Units bought and active. */
  total: number;
  used: number;
  /** Units an admin can still assign (active minus consumed; units in warning or suspended do not count). */
  free: number;
  /** Units past their end date, still usable for a grace period. */
  inWarning: number;
}

interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  consumedUnits: number;
  capabilityStatus: string;
  appliesTo: string;
  prepaidUnits: { enabled: number; warning: number; suspended: number; lockedOut: number };
}

/** A licence a user holds; viaGroup names the group when it comes from one (it cannot be removed directly). */
export interface HeldLicense {
  plan: LicensePlan;
  viaGroup?: { id: string; displayName: string };
}

export interface UserLicenses {
  usageLocation: string | null;
  licenses: HeldLicense[];
}

interface LicenseAssignmentState {
  skuId: string;
  assignedByGroup: string | null;
}

/** What a write sends back for the audit log: Graph's request id. */
export interface WriteReceipt {
  requestId: string;
}

export class LicenseService {
  constructor(private readonly graph: GraphApi) {}

  /** The user's licences, each with the group it comes from if it does, and their usage location. */
  async licensesOf(userId: string, inventory?: LicensePlan[]): Promise<UserLicenses> {
    const [user, plans] = await Promise.all([
      this.graph.get<{ usageLocation: string | null; licenseAssignmentStates: LicenseAssignmentState[] }>(
        `/users/${encodeURIComponent(userId)}?$select=id,usageLocation,licenseAssignmentStates`,
        "reading the user's licences",
      ),
      inventory ? Promise.resolve(inventory) : this.inventory(),
    ]);
    // A plan held directly and through a group counts as direct: it can be removed from the user.
    const bySku = new Map<string, LicenseAssignmentState[]>();
    for (const state of user.licenseAssignmentStates ?? []) bySku.set(state.skuId, [...(bySku.get(state.skuId) ?? []), state]);
    const licenses = await Promise.all(
      [...bySku].flatMap(([skuId, states]) => {
        const plan = plans.find((p) => p.skuId === skuId);
        if (!plan) return [];
        if (states.some((s) => s.assignedByGroup === null)) return [Promise.resolve<HeldLicense>({ plan })];
        const groupId = states[0].assignedByGroup!;
        return [
          this.graph
            .get<{ id: string; displayName: string }>(`/groups/${groupId}?$select=id,displayName`, 'reading a group')
            .then((g) => ({ plan, viaGroup: g })),
        ];
      }),
    );
    return { usageLocation: user.usageLocation ?? null, licenses };
  }

  /** The plans the user holds, directly or through a group, by skuId: what a write whose answer was lost is read back by. */
  async skusOf(userId: string): Promise<string[]> {
    const user = await this.graph.get<{ assignedLicenses?: { skuId: string }[] }>(
      `/users/${encodeURIComponent(userId)}?$select=id,assignedLicenses`,
      "reading the user's licences",
    );
    return (user.assignedLicenses ?? []).map((l) => l.skuId);
  }

  /** Graph refuses a licence to a user without a usage location (an ISO country code). */
  async setUsageLocation(userId: string, country: string): Promise<WriteReceipt> {
    const { requestId } = await this.graph.send('PATCH', `/users/${encodeURIComponent(userId)}`, { usageLocation: country }, 'setting the usage location');
    return { requestId };
  }

  /** Adds a plan. Refused before calling Graph when the plan has no free unit. */
  async assign(userId: string, plan: LicensePlan): Promise<WriteReceipt> {
    if (plan.free <= 0) throw new LicenseUnavailable(`${plan.skuPartNumber} has no free unit`, { plan: plan.name });
    return this.assignLicense(userId, [plan.skuId], [], `assigning ${plan.name}`);
  }

  async remove(userId: string, plan: LicensePlan): Promise<WriteReceipt> {
    return this.assignLicense(userId, [], [plan.skuId], `removing ${plan.name}`);
  }

  /**
   * Upgrade or downgrade in one assignLicense call (add the new plan, remove the old): the user is
   * never without a licence, and on failure keeps the old one. Refused before calling when the new plan is full.
   */
  async swap(userId: string, from: LicensePlan, to: LicensePlan): Promise<WriteReceipt> {
    if (to.free <= 0) throw new LicenseUnavailable(`${to.skuPartNumber} has no free unit`, { plan: to.name });
    return this.assignLicense(userId, [to.skuId], [from.skuId], `moving from ${from.name} to ${to.name}`);
  }

  private async assignLicense(userId: string, add: string[], remove: string[], what: string): Promise<WriteReceipt> {
    const body = { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: remove };
    const { requestId } = await this.graph.send('POST', `/users/${encodeURIComponent(userId)}/assignLicense`, body, what);
    return { requestId };
  }

  /** Every user plan the tenant holds, sorted by name. */
  async inventory(): Promise<LicensePlan[]> {
    const skus = await this.graph.getAll<SubscribedSku>(
      '/subscribedSkus?$select=skuId,skuPartNumber,consumedUnits,prepaidUnits,capabilityStatus,appliesTo',
      'reading the licence plans',
    );
    return skus
      .filter((sku) => sku.appliesTo === 'User' && sku.capabilityStatus !== 'Deleted')
      .map((sku) => ({
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        name: productName(sku.skuPartNumber),
        total: sku.prepaidUnits.enabled,
        used: sku.consumedUnits,
        free: Math.max(0, sku.prepaidUnits.enabled - sku.consumedUnits),
        inWarning: sku.prepaidUnits.warning,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

/**
 * The tenant's plans a recognized plan name may mean. « E3 » names Office 365 E3 and Microsoft 365 E3:
 * when the tenant holds one, it is that one; when it holds both, both come back and the dialog asks.
 * A plan the tenant does not hold is never offered: nothing comes back.
 */
export function plansMeant(candidates: readonly string[], inventory: readonly LicensePlan[]): LicensePlan[] {
  return candidates.map((part) => inventory.find((p) => p.skuPartNumber === part)).filter((p): p is LicensePlan => p !== undefined);
}
