import { performance } from 'node:perf_hooks';
import { FEATURE_TABLES } from '../bot/features';
import { BulkJobs, JobRow } from '../bot/features/licences/bulkJobs';
import { BulkLicenseService } from '../bot/features/licences/bulkLicenses';
import { Logger } from '../bot/host/logger';
import { AuditLog } from '../bot/policy/audit';
import { openStorage } from '../bot/storage';
import { createGraphClient } from '../bot/graph/client';
import { GraphApi } from '../bot/graph/graphApi';
import { loadBenchSettings } from '../bot/host/config';
import { LicenseService } from '../bot/features/licences/licenses';
import { loadSeed, startDemoTenant } from '../demo/server';

/**
 * `npm run bench:licences`: assigning a plan to 500 users one call per user, then in bulk as the
 * bot runs it (a BulkJobs job: stored in an in-memory Azurite, $batch of 20, 4 batches in flight,
 * each batch recorded and audited), against the demo tenant with 100 ms injected latency. Prints
 * both times, the ratio (target: bulk at least 15× faster) and peak memory.
 */
const { users: USERS, latencyMs: LATENCY_MS } = loadBenchSettings();
const BASIC = '3b555118-da6a-4418-894f-7df1e2096870';
const STANDARD = 'f245ecc8-75af-4f8e-b61f-27d8114de5f3';

async function main(): Promise<void> {
  const seed = loadSeed();
  for (const sku of seed.skus) if (sku.skuId === BASIC || sku.skuId === STANDARD) sku.prepaidUnits.enabled = USERS + 100;
  const users = Array.from({ length: USERS }, (_, i) => {
    const upn = `bench${String(i).padStart(4, '0')}@lumiere-fils.fr`;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      userPrincipalName: upn,
      displayName: `Bench ${i}`,
      usageLocation: 'FR',
      accountEnabled: true,
      licenses: [] as string[],
    };
  });
  seed.users.push(...users);
  const tenant = await startDemoTenant({ seed, faults: { latencyMs: LATENCY_MS } });
  const graph = new GraphApi(createGraphClient({ baseUrl: tenant.url, timeoutMs: 30000, maxRetries: 3 }), tenant.url);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

  const licenses = new LicenseService(graph);
  const basic = (await licenses.inventory()).find((p) => p.skuId === BASIC)!;
  let started = performance.now();
  for (const user of users) await licenses.assign(user.id, { ...basic, free: 1 });
  const singleMs = performance.now() - started;

  const storage = await openStorage(
    { mode: 'embedded', location: '.local/azurite-bench', inMemory: true },
    'benchstate',
    new Logger('error', {}, () => {}),
    FEATURE_TABLES,
  );
  const silent = { progress: async () => undefined, report: async () => undefined };
  const jobs = new BulkJobs(
    storage.table<JobRow>('jobs'),
    new BulkLicenseService(graph),
    (id) => licenses.skusOf(id),
    new AuditLog(storage.table('audit')),
    silent,
    {
      instance: 'bench',
      leaseMs: 60_000,
    },
  );
  const standard = (await licenses.inventory()).find((p) => p.skuId === STANDARD)!;
  const spec = {
    operation: 'license.assign' as const,
    caller: { id: 'bench', name: 'bench' },
    correlationId: 'bench',
    locale: 'fr' as const,
    plan: { skuId: STANDARD, skuPartNumber: standard.skuPartNumber, name: standard.name },
    source: 'bench',
  };
  started = performance.now();
  const outcomes = (await jobs.run(await jobs.create(spec, users), async () => undefined)) ?? [];
  const bulkMs = performance.now() - started;
  await storage.close();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const failed = outcomes.filter((o) => !o.ok).length;
  const held = (skuId: string) => users.filter((u) => tenant.store.heldSkus(tenant.store.user(u.id)).has(skuId)).length;
  const ratio = singleMs / bulkMs;
  const lines = [
    `Licence assignment, ${USERS} users, ${LATENCY_MS} ms latency per Graph request (demo tenant, in process)`,
    `one call per user   ${(singleMs / 1000).toFixed(2)} s   (${held(BASIC)} users now hold Business Basic)`,
    `bulk (a stored job, $batch of 20) ${(bulkMs / 1000).toFixed(2)} s   (${held(STANDARD)} users now hold Business Standard, ${failed} failed)`,
    `ratio               ${ratio.toFixed(1)}×   (target ≥ 15×)`,
    `peak memory         ${(peakRss / 1024 / 1024).toFixed(0)} MB RSS (bench process, demo tenant included)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  await tenant.close();
  if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench:licences failed: ${(error as Error).message}\n`);
  process.exit(1);
});
