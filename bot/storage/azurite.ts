import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '../logger';
import { ChildService } from '../process/childService';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzurite {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft's Azurite (the npm package) on free loopback ports, with telemetry off:
 * data on disk under `location`, or in memory for tests.
 */
export async function startAzurite(options: { location: string; inMemory: boolean; logger: Logger }): Promise<EmbeddedAzurite> {
  const args = ['--blobPort', '0', '--queuePort', '0', '--tablePort', '0', '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'];
  if (options.inMemory) {
    args.push('--inMemoryPersistence', '--extentMemoryLimit', '256');
  } else {
    const location = resolve(options.location);
    mkdirSync(location, { recursive: true });
    args.push('--location', location);
  }
  const { service, matches } = await ChildService.start({
    name: 'Azurite',
    script: require.resolve('azurite/dist/src/azurite.js'),
    args,
    readyLine: /Azurite (Blob|Queue|Table) service is successfully listening at (http:\/\/[\d.]+:\d+)/,
    readyCount: 3,
    logger: options.logger,
  });
  const endpoint = (kind: string) => matches.find((m) => m[1] === kind)![2];
  const connectionString = [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `BlobEndpoint=${endpoint('Blob')}/${DEV_ACCOUNT}`,
    `TableEndpoint=${endpoint('Table')}/${DEV_ACCOUNT}`,
    `QueueEndpoint=${endpoint('Queue')}/${DEV_ACCOUNT}`,
  ].join(';');
  options.logger.info('embedded Azurite started', { blob: endpoint('Blob'), table: endpoint('Table'), inMemory: options.inMemory });
  return { connectionString, stop: () => service.stop() };
}
