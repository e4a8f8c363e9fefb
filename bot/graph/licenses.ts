import { GraphApi } from './graphApi';
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

export class LicenseService {
  constructor(private readonly graph: GraphApi) {}

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
