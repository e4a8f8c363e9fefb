import { DemoTenant, startDemoTenant } from '../../demo/server';
import { graphHttp } from './graphHttp';

/** A fresh demo tenant per test file, reset before each test. */
export function useDemoTenant(): { tenant: () => DemoTenant; graph: () => ReturnType<typeof graphHttp> } {
  let tenant: DemoTenant | undefined;
  let graph: ReturnType<typeof graphHttp> | undefined;
  before(async () => {
    tenant = await startDemoTenant();
    graph = graphHttp(tenant.url);
  });
  beforeEach(() => tenant!.reset());
  after(async () => tenant?.close());
  return { tenant: () => tenant!, graph: () => graph! };
}
