import assert from 'node:assert/strict';
import {
  GraphTimeout,
  GraphUnavailable,
  InvalidRequest,
  LicenseInheritedFromGroup,
  LicenseUnavailable,
  NotAuthorized,
  NotFound,
  Throttled,
  UnknownLicense,
  UsageLocationMissing,
} from '../../bot/policy/errors';
import { createGraphClient } from '../../bot/graph/client';
import { GraphApi } from '../../bot/graph/graphApi';
import { LicenseService } from '../../bot/features/licences/licenses';
import { GROUP_LICENSED, NO_USAGE_LOCATION, ORDINARY, seed, SKU } from '../support/fixtures';
import { useDemoTenant } from '../support/demoTenant';

describe('The Graph layer against the demo tenant', function () {
  this.timeout(20000);
  const { tenant } = useDemoTenant();
  const api = (options: { maxRetries?: number; timeoutMs?: number } = {}) =>
    new GraphApi(
      createGraphClient({ baseUrl: tenant().url, timeoutMs: options.timeoutMs ?? 5000, maxRetries: options.maxRetries ?? 3, retryDelaySeconds: 0.05 }),
      tenant().url,
    );
  const attempts = (path: string) => tenant().requests.filter((r) => r.path === path).length;

  describe('retries', () => {
    it('retries a 429, waiting as long as Retry-After says, then succeeds', async () => {
      tenant().faults.configure({ rules: [{ status: 429, count: 1, retryAfter: 1, path: '^/organization$' }] });
      const started = Date.now();
      const orgs = await api().getAll<{ id: string }>('/organization', 'reading the organisation');
      assert.equal(orgs[0].id, seed.organization.id);
      assert.equal(attempts('/organization'), 2);
      assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
    });

    it('retries 503 and 504', async () => {
      tenant().faults.configure({
        rules: [
          { status: 503, count: 1, path: '^/organization$' },
          { status: 504, count: 1, path: '^/organization$' },
        ],
      });
      await api().getAll('/organization', 'reading the organisation');
      assert.equal(attempts('/organization'), 3);
    });

    it('gives up after its retries with a Throttled error', async () => {
      tenant().faults.configure({ rules: [{ status: 429, count: 10, retryAfter: 0, path: '^/organization$' }] });
      await assert.rejects(api({ maxRetries: 2 }).getAll('/organization', 'reading the organisation'), Throttled);
      assert.equal(attempts('/organization'), 3);
    });

    it('does not retry a 500, which becomes GraphUnavailable', async () => {
      tenant().faults.configure({ rules: [{ status: 500, count: 1, path: '^/organization$' }] });
      await assert.rejects(api().getAll('/organization', 'reading the organisation'), GraphUnavailable);
      assert.equal(attempts('/organization'), 1);
    });

    it('abandons a request that hangs past its deadline, as a GraphTimeout', async () => {
      tenant().faults.configure({ rules: [{ status: 0, count: 5, delayMs: 1500, path: '^/organization$' }] });
      await assert.rejects(api({ timeoutMs: 300, maxRetries: 0 }).getAll('/organization', 'reading the organisation'), GraphTimeout);
    });

    it('reports an unreachable server as GraphUnavailable', async () => {
      const dead = new GraphApi(createGraphClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, maxRetries: 0 }), 'http://127.0.0.1:9');
      await assert.rejects(dead.get('/organization', 'reading the organisation'), GraphUnavailable);
    });
  });

  describe('typed errors', () => {
    const assign = (user: string, add: string[], remove: string[] = []) =>
      api().post(
        `/users/${user}/assignLicense`,
        { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: remove },
        'assigning a licence',
      );

    it('no unit left → LicenseUnavailable', () => assert.rejects(assign(ORDINARY.id, [SKU.premium]), LicenseUnavailable));
    it('no usage location → UsageLocationMissing', () => assert.rejects(assign(NO_USAGE_LOCATION.id, [SKU.basic]), UsageLocationMissing));
    it('unknown plan → UnknownLicense', () => assert.rejects(assign(ORDINARY.id, ['00000000-0000-0000-0000-000000000001']), UnknownLicense));
    it('group licence → LicenseInheritedFromGroup', () => assert.rejects(assign(GROUP_LICENSED.id, [], [SKU.standard]), LicenseInheritedFromGroup));
    it('unknown user → NotFound', () => assert.rejects(assign('nobody@lumiere-fils.fr', [SKU.basic]), NotFound));
    it("other 400 → InvalidRequest with Graph's message", async () => {
      await assert.rejects(
        api().post(`/users/${ORDINARY.id}/assignLicense`, { addLicenses: [] }, 'assigning a licence'),
        (e: unknown) => e instanceof InvalidRequest && /removeLicenses/.test(e.message),
      );
    });
    it("403 → NotAuthorized, carrying Graph's request id", async () => {
      tenant().faults.configure({ rules: [{ status: 403, count: 1 }] });
      await assert.rejects(
        api().get('/subscribedSkus', 'reading the licence plans'),
        (e: unknown) => e instanceof NotAuthorized && typeof e.requestId === 'string',
      );
    });
  });

  it('follows @odata.nextLink pages to the end', async () => {
    const users = await api().getAll<{ id: string }>('/users?$top=7&$select=id', 'listing users');
    assert.equal(users.length, seed.users.length);
  });

  describe('licence inventory', () => {
    it('lists every plan with friendly names, used, total and free units', async () => {
      const plans = await new LicenseService(api()).inventory();
      const standard = plans.find((p) => p.skuId === SKU.standard)!;
      assert.deepEqual(
        { name: standard.name, used: standard.used, total: standard.total, free: standard.free },
        { name: 'Microsoft 365 Business Standard', used: 14, total: 20, free: 6 },
      );
      assert.equal(plans.find((p) => p.skuId === SKU.premium)!.free, 0);
      assert.equal(plans.find((p) => p.skuId === SKU.e3)!.inWarning, 2);
    });

    it('reflects an assignment at once', async () => {
      await api().post(`/users/${ORDINARY.id}/assignLicense`, { addLicenses: [{ skuId: SKU.basic, disabledPlans: [] }], removeLicenses: [] }, 'assigning');
      const plans = await new LicenseService(api()).inventory();
      assert.equal(plans.find((p) => p.skuId === SKU.basic)!.used, 7);
    });
  });
});
