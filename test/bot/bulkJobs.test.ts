import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BulkJob, BulkJobMessages, BulkJobs, JobRow } from '../../bot/features/licences/bulkJobs';
import { BulkLicenseService, BulkOutcome } from '../../bot/features/licences/bulkLicenses';
import { LicenseService } from '../../bot/features/licences/licenses';
import { createGraphClient } from '../../bot/graph/client';
import { GraphApi } from '../../bot/graph/graphApi';
import { AuditLog } from '../../bot/policy/audit';
import type { RecordTable } from '../../bot/storage/recordTable';
import type { DemoTenant } from '../../demo/server';
import { sharedStorage } from '../support/dialogStack';
import { SKU } from '../support/fixtures';
import { tenantWithUsers } from './bulkLicenses.test';

/** What an instance told: progress figures and reports (resumed or not). */
class Told implements BulkJobMessages {
  progressed: number[] = [];
  reports: { job: BulkJob; outcomes: BulkOutcome[]; resumed: boolean }[] = [];
  async progress(_job: BulkJob, done: number): Promise<void> {
    this.progressed.push(done);
  }
  async report(job: BulkJob, outcomes: BulkOutcome[], resumed: boolean): Promise<void> {
    this.reports.push({ job, outcomes, resumed });
  }
}

describe('Bulk licence jobs that survive the bot', function () {
  this.timeout(60000);
  let tenant: DemoTenant;
  let users: { id: string; userPrincipalName: string }[];
  let table: RecordTable<JobRow>;
  let audit: AuditLog;

  before(async () => {
    ({ tenant, users } = await tenantWithUsers(107, 200, 30));
    const storage = await sharedStorage();
    table = storage.table<JobRow>('jobs');
    audit = new AuditLog(storage.table('audit'));
  });
  beforeEach(async () => {
    tenant.reset();
    // Jobs other tests left open are theirs: each test here looks at its own.
    for (const open of (await table.list('open')) as { id: string }[]) await table.remove('open', open.id);
  });
  after(() => tenant.close());

  /** One instance of the bot, as far as bulk jobs go. */
  const instance = (name: string, leaseMs = 60_000) => {
    const graph = new GraphApi(createGraphClient({ baseUrl: tenant.url, timeoutMs: 5000, maxRetries: 2 }), tenant.url);
    const licenses = new LicenseService(graph);
    const told = new Told();
    const jobs = new BulkJobs(table, new BulkLicenseService(graph), (id) => licenses.skusOf(id), audit, told, { instance: name, leaseMs });
    return { jobs, told };
  };
  const spec = () => ({
    operation: 'license.assign' as const,
    caller: { id: '00000000-0000-0000-0000-00000000c0de', name: 'Camille Martin' },
    correlationId: randomUUID(),
    locale: 'fr' as const,
    plan: { skuId: SKU.basic, skuPartNumber: 'O365_BUSINESS_ESSENTIALS', name: 'Microsoft 365 Business Basic' },
    source: 'le service Commercial',
  });
  const holders = () => users.filter((u) => tenant.store.heldSkus(tenant.store.user(u.id)).has(SKU.basic)).length;
  const assignCalls = () => tenant.requests.filter((r) => r.batched && r.path.endsWith('/assignLicense')).length;

  it('runs stored, batch by batch, each batch audited as it completes, and every person in the outcome', async () => {
    const { jobs } = instance('a');
    const job = await jobs.create(spec(), users);
    const progress: number[] = [];
    const outcomes = await jobs.run(job, async (done) => void progress.push(done));
    assert.equal(outcomes?.length, 107);
    assert.ok(outcomes!.every((o) => o.ok));
    assert.equal(holders(), 107);
    assert.equal(tenant.requests.filter((r) => r.path === '/$batch').length, 6, '20 to a batch');
    assert.deepEqual(
      progress,
      [...progress].sort((x, y) => x - y),
      'progress is told once a batch, growing',
    );
    assert.equal(progress.length, 6);
    assert.equal(progress.at(-1), 107);
    const entries = await audit.recent({ operation: 'license.assign', limit: 1000 });
    assert.equal(entries.filter((e) => e.correlationId === job.correlationId && e.target !== job.source).length, 107, 'one entry a person');
  });

  it('stopped gracefully mid-job: it gives the job back between batches; another instance finishes it, once each, and reports to the asker', async () => {
    const a = instance('a');
    const job = await a.jobs.create(spec(), users);
    const running = a.jobs.run(job, async (done) => {
      if (done >= 20) void a.jobs.stop();
    });
    assert.equal(await running, undefined, 'the stopping instance did not finish it');
    assert.ok(holders() < 107, 'some were left');
    const b = instance('b');
    assert.equal(await b.jobs.resumeAll(), 1);
    assert.equal(holders(), 107);
    assert.equal(assignCalls(), 107, 'nobody was sent twice');
    assert.equal(b.told.reports.length, 1);
    assert.equal(b.told.reports[0].resumed, true, 'the report goes to the asker privately');
    assert.equal(b.told.reports[0].outcomes.filter((o) => o.ok).length, 107);
  });

  it('killed after a batch was sent but before its outcome was stored: the next instance reads that batch back, sends nobody twice, and reports', async () => {
    const a = instance('dead', 50);
    const job = await a.jobs.create(spec(), users);
    // What a SIGKILL leaves: the first batch marked sent and carried out by Graph, nothing recorded after it.
    const first = (await table.get(job.id, 'batch-00000')) as { targets: { id: string; userPrincipalName: string }[] };
    await table.put(job.id, 'batch-00000', { ...first, state: 'sent' } as JobRow);
    await new BulkLicenseService(new GraphApi(createGraphClient({ baseUrl: tenant.url, timeoutMs: 5000, maxRetries: 0 }), tenant.url)).applyBatch(
      first.targets,
      {
        add: [SKU.basic],
        remove: [],
      },
    );
    await table.update(job.id, 'job', (current) => ({ ...(current as BulkJob), lease: { by: 'dead', until: new Date(Date.now() - 1000).toISOString() } }));
    const b = instance('b');
    assert.equal(await b.jobs.resumeAll(), 1);
    assert.equal(holders(), 107);
    assert.equal(assignCalls(), 107, 'the batch already carried out was read back, not sent again');
    assert.equal(b.told.reports[0].outcomes.filter((o) => o.ok).length, 107);
  });

  it('a batch Graph carried out whose answer was lost is read back person by person: all done, nobody sent twice', async () => {
    const { jobs } = instance('a');
    const job = await jobs.create(spec(), users.slice(0, 20));
    tenant.faults.configure({ latencyMs: 30, rules: [{ status: 0, count: 1, method: 'POST', path: '^/\\$batch$', afterApplying: true, drop: true }] });
    const outcomes = await jobs.run(job, async () => undefined);
    assert.ok(outcomes!.every((o) => o.ok));
    assert.equal(assignCalls(), 20);
  });

  it('a batch refused whole (a 403) fails each person with the reason, and changes nothing', async () => {
    const { jobs } = instance('a');
    const job = await jobs.create(spec(), users.slice(0, 20));
    tenant.faults.configure({ latencyMs: 30, rules: [{ status: 403, count: 1, method: 'POST', path: '^/\\$batch$' }] });
    const outcomes = await jobs.run(job, async () => undefined);
    assert.ok(outcomes!.every((o) => !o.ok && o.error?.messageKey === 'error.notAuthorized'));
    assert.equal(holders(), 0);
  });

  it('never runs a job twice in one instance: looking for unfinished jobs while it runs here leaves it alone', async () => {
    const a = instance('a');
    const job = await a.jobs.create(spec(), users);
    let resumed: Promise<number> | undefined;
    const outcomes = await a.jobs.run(job, async () => {
      resumed ??= a.jobs.resumeAll();
    });
    assert.equal(await resumed, 0);
    assert.equal(outcomes?.length, 107);
    assert.equal(assignCalls(), 107, 'nobody was sent twice');
  });

  it('finished but never reported (the bot stopped in between): the next instance reports it, sending nothing again', async () => {
    const a = instance('a');
    const job = await a.jobs.create(spec(), users.slice(0, 25));
    await a.jobs.run(job, async () => undefined);
    const b = instance('b');
    assert.equal(await b.jobs.resumeAll(), 1);
    assert.equal(b.told.reports[0].resumed, true);
    assert.equal(b.told.reports[0].outcomes.filter((o) => o.ok).length, 25);
    assert.equal(assignCalls(), 25);
    assert.equal(await instance('c').jobs.resumeAll(), 0, 'reported once');
  });

  it('leaves alone a job whose lease another instance still holds', async () => {
    const a = instance('a');
    const job = await a.jobs.create(spec(), users.slice(0, 5));
    await table.update(job.id, 'job', (current) => ({ ...(current as BulkJob), lease: { by: 'a', until: new Date(Date.now() + 60_000).toISOString() } }));
    assert.equal(await instance('b').jobs.resumeAll(), 0);
    assert.equal(holders(), 0);
  });
});
