import { startDemoTenant } from './server';

/** `npm run demo-tenant`: the demo tenant alone, on DEMO_GRAPH_PORT (3979). DEMO_LATENCY_MS adds latency. */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.DEMO_GRAPH_PORT ?? 3979);
  const latencyMs = Number(env.DEMO_LATENCY_MS ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DEMO_GRAPH_PORT must be a port number, got "${env.DEMO_GRAPH_PORT}"`);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`DEMO_LATENCY_MS must be a number of milliseconds, got "${env.DEMO_LATENCY_MS}"`);
  const tenant = await startDemoTenant({ port, faults: { latencyMs } });
  process.stdout.write(
    `Demo tenant "${tenant.store.organization.displayName}" (${tenant.store.organization.id}) listening at ${tenant.url}\n` +
      `  try: curl ${tenant.url}/v1.0/subscribedSkus\n`,
  );
  const stop = () => void tenant.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`The demo tenant could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
