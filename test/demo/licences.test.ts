import assert from 'node:assert/strict';
import { ADMIN, GROUP_LICENSED, NO_USAGE_LOCATION, ORDINARY, SKU } from '../support/fixtures';
import { useDemoTenant } from '../support/demoTenant';

describe("Demo tenant: licences follow Graph's rules", () => {
  const { graph } = useDemoTenant();

  const consumed = async (skuId: string) =>
    ((await graph()('GET', '/subscribedSkus')).body.value as { skuId: string; consumedUnits: number }[]).find((s) => s.skuId === skuId)!.consumedUnits;
  const assign = (user: string, add: string[], remove: string[] = []) =>
    graph()('POST', `/users/${user}/assignLicense`, { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: remove });

  it('consumes a unit when a plan is assigned and frees it when removed', async () => {
    const before = await consumed(SKU.basic);
    assert.equal((await assign(ORDINARY.userPrincipalName, [SKU.basic])).status, 200);
    assert.equal(await consumed(SKU.basic), before + 1);
    assert.equal((await assign(ORDINARY.userPrincipalName, [], [SKU.basic])).status, 200);
    assert.equal(await consumed(SKU.basic), before);
  });

  it('answers assignLicense with the user, its licences included', async () => {
    const answer = await assign(ORDINARY.id, [SKU.basic]);
    assert.equal(answer.body.id, ORDINARY.id);
    const details = await graph()('GET', `/users/${ORDINARY.id}/licenseDetails`);
    assert.ok(details.body.value.some((d: { skuPartNumber: string }) => d.skuPartNumber === 'O365_BUSINESS_ESSENTIALS'));
  });

  it('refuses a plan with no unit left, as Graph words it', async () => {
    const answer = await assign(ORDINARY.id, [SKU.premium]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'Request_BadRequest');
    assert.match(answer.body.error.message, /does not have any available licenses/);
  });

  it('refuses a user without a usage location', async () => {
    const answer = await assign(NO_USAGE_LOCATION.id, [SKU.basic]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.message, 'License assignment cannot be done for user with invalid usage location.');
  });

  it('accepts the same user once its usage location is set', async () => {
    assert.equal((await graph()('PATCH', `/users/${NO_USAGE_LOCATION.id}`, { usageLocation: 'FR' })).status, 204);
    assert.equal((await assign(NO_USAGE_LOCATION.id, [SKU.basic])).status, 200);
  });

  it('refuses an unknown plan', async () => {
    const answer = await assign(ORDINARY.id, ['00000000-0000-0000-0000-000000000001']);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.message, 'License 00000000-0000-0000-0000-000000000001 does not correspond to a valid company License.');
  });

  it('refuses to remove a licence inherited from a group', async () => {
    const answer = await assign(GROUP_LICENSED.id, [], [SKU.standard]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.message, 'User license is inherited from a group membership and it cannot be removed directly from the user.');
  });

  it('shows which group a licence comes from', async () => {
    const user = await graph()('GET', `/users/${GROUP_LICENSED.id}?$select=licenseAssignmentStates`);
    const state = user.body.licenseAssignmentStates.find((s: { skuId: string }) => s.skuId === SKU.standard);
    assert.ok(state.assignedByGroup, 'assignedByGroup should name the group');
  });

  it('requires both addLicenses and removeLicenses', async () => {
    const answer = await graph()('POST', `/users/${ORDINARY.id}/assignLicense`, { addLicenses: [] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error.message, /missing parameters are: removeLicenses/);
  });

  it('swaps plans in one call, and keeps the old plan when the new one has no unit left', async () => {
    // Léa holds Business Standard directly; Business Premium is full.
    const failed = await assign(ORDINARY.id, [SKU.premium], [SKU.standard]);
    assert.equal(failed.status, 400);
    const after = await graph()('GET', `/users/${ORDINARY.id}?$select=assignedLicenses`);
    assert.deepEqual(
      after.body.assignedLicenses.map((l: { skuId: string }) => l.skuId),
      [SKU.standard],
    );
    const swapped = await assign(ORDINARY.id, [SKU.e3], [SKU.standard]);
    assert.equal(swapped.status, 200);
    const now = await graph()('GET', `/users/${ORDINARY.id}?$select=assignedLicenses`);
    assert.deepEqual(
      now.body.assignedLicenses.map((l: { skuId: string }) => l.skuId),
      [SKU.e3],
    );
  });

  it('consumes no extra unit when the user already holds the plan', async () => {
    const before = await consumed(SKU.premium);
    assert.equal((await assign(ADMIN.id, [SKU.premium])).status, 200, 'Camille already holds Business Premium');
    assert.equal(await consumed(SKU.premium), before);
  });

  it('answers 404 for an unknown user', async () => {
    const answer = await assign('nobody@lumiere-fils.fr', [SKU.basic]);
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error.code, 'Request_ResourceNotFound');
  });
});
