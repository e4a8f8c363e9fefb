import assert from 'node:assert/strict';
import { ORDINARY, SKU } from '../support/fixtures';
import { useDemoTenant } from '../support/demoTenant';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('Demo tenant: $batch, latency and throttling', () => {
  const { graph, tenant } = useDemoTenant();

  const get = (id: string, url: string) => ({ id, method: 'GET', url });

  it('runs up to 20 requests and answers each with its own status', async () => {
    const answer = await graph()('POST', '/$batch', { requests: [get('1', '/subscribedSkus'), get('2', '/users/nobody@lumiere-fils.fr')] });
    assert.equal(answer.status, 200);
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    assert.deepEqual(byId, { '1': 200, '2': 404 });
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => get(String(i), '/organization'));
    const answer = await graph()('POST', '/$batch', { requests });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error.message, /limit of 20/);
  });

  it('requires a Content-Type header on a request with a body', async () => {
    const requests = [{ id: '1', method: 'POST', url: `/users/${ORDINARY.id}/assignLicense`, body: { addLicenses: [], removeLicenses: [] } }];
    assert.equal((await graph()('POST', '/$batch', { requests })).status, 400);
  });

  it('answers 424 to a request whose dependency failed', async () => {
    const requests = [
      {
        id: '1',
        method: 'POST',
        url: `/users/${ORDINARY.id}/assignLicense`,
        headers: JSON_HEADERS,
        body: { addLicenses: [{ skuId: SKU.premium, disabledPlans: [] }], removeLicenses: [] },
      },
      { id: '2', method: 'GET', url: `/users/${ORDINARY.id}/licenseDetails`, dependsOn: ['1'] },
    ];
    const answer = await graph()('POST', '/$batch', { requests });
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    assert.deepEqual(byId, { '1': 400, '2': 424 });
  });

  it('assigns licences inside a batch, consuming units as single calls do', async () => {
    const users = ['julie.roux', 'paul.fontaine', 'lea.petit'].map((n) => `${n}@lumiere-fils.fr`);
    const requests = users.map((upn, i) => ({
      id: String(i),
      method: 'POST',
      url: `/users/${upn}/assignLicense`,
      headers: JSON_HEADERS,
      body: { addLicenses: [{ skuId: SKU.basic, disabledPlans: [] }], removeLicenses: [] },
    }));
    const answer = await graph()('POST', '/$batch', { requests });
    assert.ok(answer.body.responses.every((r: { status: number }) => r.status === 200));
    const sku = (await graph()('GET', '/subscribedSkus')).body.value.find((s: { skuId: string }) => s.skuId === SKU.basic);
    assert.equal(sku.consumedUnits, 6 + 3);
  });

  it('throttles with 429 and Retry-After when told to, then serves again', async () => {
    tenant().faults.configure({ rules: [{ status: 429, count: 1, retryAfter: 2 }] });
    const throttled = await graph()('GET', '/organization');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '2');
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.equal((await graph()('GET', '/organization')).status, 200);
  });

  it('throttles requests inside a batch with their own Retry-After, the batch itself answering 200', async () => {
    tenant().faults.configure({ rules: [{ status: 429, count: 1, retryAfter: 1, path: 'assignLicense$' }] });
    const requests = [
      {
        id: '1',
        method: 'POST',
        url: `/users/${ORDINARY.id}/assignLicense`,
        headers: JSON_HEADERS,
        body: { addLicenses: [{ skuId: SKU.basic, disabledPlans: [] }], removeLicenses: [] },
      },
    ];
    const answer = await graph()('POST', '/$batch', { requests });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.responses[0].status, 429);
    assert.equal(answer.body.responses[0].headers['Retry-After'], '1');
  });

  it('adds the injected latency to each top-level request', async () => {
    tenant().faults.configure({ latencyMs: 120 });
    const started = Date.now();
    await graph()('GET', '/organization');
    assert.ok(Date.now() - started >= 115);
  });

  it('can be configured over HTTP by a test or a benchmark in another process', async () => {
    const response = await fetch(`${tenant().url}/_demo/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ status: 503, count: 1 }] }) });
    assert.equal(response.status, 200);
    assert.equal((await graph()('GET', '/organization')).status, 503);
  });
});
