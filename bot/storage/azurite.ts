import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '../host/logger';
import { SupervisedService } from '../host/process/supervisor';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzurite {
  connectionString: string;
  /** False while Azurite is down (it is being restarted). */
  readonly up: boolean;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const READY = /Azurite (Blob|Queue|Table) service is successfully listening at (http:\/\/[\d.]+:\d+)/;

/**
 * Starts Microsoft's Azurite (the npm package) on free loopback ports, with telemetry off:
 * data on disk under `location`, or in memory for tests. Supervised: if it dies, it is started
 * again on the same ports (the connection string stays valid), with backoff.
 */
export async function startAzurite(options: { location: string; inMemory: boolean; logger: Logger }): Promise<EmbeddedAzurite> {
  const storageArgs = ['--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'];
  if (options.inMemory) {
    storageArgs.push('--inMemoryPersistence', '--extentMemoryLimit', '256');
  } else {
    const location = resolve(options.location);
    mkdirSync(location, { recursive: true });
    storageArgs.push('--location', location);
  }
  const portOf = (matches: RegExpMatchArray[] | undefined, kind: string) => (matches ? new URL(matches.find((m) => m[1] === kind)![2]).port : '0');
  const azurite = await SupervisedService.start({
    name: 'Azurite',
    logger: options.logger,
    startOptions: (first) => ({
      script: require.resolve('azurite/dist/src/azurite.js'),
      args: ['--blobPort', portOf(first, 'Blob'), '--queuePort', portOf(first, 'Queue'), '--tablePort', portOf(first, 'Table'), ...storageArgs],
      readyLine: READY,
      readyCount: 3,
    }),
  });
  const endpoint = (kind: string) => azurite.matches.find((m) => m[1] === kind)![2];
  const connectionString = [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `BlobEndpoint=${endpoint('Blob')}/${DEV_ACCOUNT}`,
    `TableEndpoint=${endpoint('Table')}/${DEV_ACCOUNT}`,
    `QueueEndpoint=${endpoint('Queue')}/${DEV_ACCOUNT}`,
  ].join(';');
  options.logger.info('embedded Azurite started', { blob: endpoint('Blob'), table: endpoint('Table'), inMemory: options.inMemory });
  return {
    connectionString,
    get up() {
      return azurite.up;
    },
    get pid() {
      return azurite.pid;
    },
    stop: () => azurite.stop(),
  };
}
