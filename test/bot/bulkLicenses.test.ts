import assert from 'node:assert/strict';
import { LicenseUnavailable, UsageLocationMissing } from '../../bot/policy/errors';
import { BulkLicenseService } from '../../bot/features/licences/bulkLicenses';
import { createGraphClient } from '../../bot/graph/client';
import { GraphApi } from '../../bot/graph/graphApi';
import { DemoTenant, loadSeed, startDemoTenant } from '../../demo/server';
import { SKU } from '../support/fixtures';

/** A demo tenant with `extra` more users (usage location FR) and Business Basic with `units` units. */
export async function tenantWithUsers(
  extra: number,
  units: number,
  latencyMs = 0,
): Promise<{ tenant: DemoTenant; users: { id: string; userPrincipalName: string }[] }> {
  const seed = loadSeed();
  const basic = seed.skus.find((s) => s.skuId === SKU.basic)!;
  basic.prepaidUnits.enabled = units;
  for (let i = 0; i < extra; i++) {
    const upn = `collaborateur${String(i).padStart(4, '0')}@lumiere-fils.fr`;
    seed.users.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      userPrincipalName: upn,
      displayName: `Collaborateur ${i}`,
      mail: upn,
      usageLocation: 'FR',
      accountEnabled: true,
      licenses: [],
    });
  }
  const tenant = await startDemoTenant({ seed, faults: { latencyMs } });
  const users = seed.users.slice(seed.users.length - extra).map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName }));
  return { tenant, users };
}

describe('Bulk licence changes, one $batch at a time', function () {
  this.timeout(30000);
  let tenant: DemoTenant;
  let users: { id: string; userPrincipalName: string }[];
  let bulk: BulkLicenseService;

  before(async () => {
    ({ tenant, users } = await tenantWithUsers(45, 100));
    bulk = new BulkLicenseService(new GraphApi(createGraphClient({ baseUrl: tenant.url, timeoutMs: 5000, maxRetries: 2 }), tenant.url));
  });
  beforeEach(() => tenant.reset());
  after(() => tenant.close());

  const batches = () => tenant.requests.filter((r) => r.path === '/$batch').length;
  const basic = { add: [SKU.basic], remove: [] };

  it('sends 20 requests in one batch and reports every user, and never more than 20', async () => {
    const outcomes = await bulk.applyBatch(users.slice(0, 20), basic);
    assert.equal(outcomes.length, 20);
    assert.ok(outcomes.every((o) => o.ok));
    assert.equal(batches(), 1);
    assert.equal(tenant.store.consumedUnits(SKU.basic), 6 + 20);
    await assert.rejects(bulk.applyBatch(users.slice(0, 21), basic), /at most 20 requests/);
  });

  it('retries the requests Graph throttled inside a batch, after their Retry-After', async () => {
    tenant.faults.configure({ rules: [{ status: 429, count: 3, retryAfter: 1, path: 'assignLicense$' }] });
    const outcomes = await bulk.applyBatch(users.slice(0, 10), basic);
    assert.ok(outcomes.every((o) => o.ok));
    assert.equal(batches(), 2, 'one batch, then one more for the throttled requests');
  });

  it('never hides who succeeded when some fail, and says why the others did', async () => {
    const withoutLocation = tenant.store.user(users[3].id);
    withoutLocation.usageLocation = null;
    const outcomes = await bulk.applyBatch(users.slice(0, 6), basic);
    assert.deepEqual(
      outcomes.map((o) => o.ok),
      [true, true, true, false, true, true],
    );
    assert.ok(outcomes[3].error instanceof UsageLocationMissing);
    assert.equal(outcomes[3].user.userPrincipalName, users[3].userPrincipalName);
  });

  it('reports the users left without a unit when the plan runs out', async () => {
    tenant.store.skus.find((s) => s.skuId === SKU.basic)!.prepaidUnits.enabled = 6 + 4;
    const outcomes = await bulk.applyBatch(users.slice(0, 6), basic);
    assert.equal(outcomes.filter((o) => o.ok).length, 4);
    assert.ok(outcomes.filter((o) => !o.ok).every((o) => o.error instanceof LicenseUnavailable));
  });
});
