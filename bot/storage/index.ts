import { TableClient } from '@azure/data-tables';
import { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { StorageSettings } from '../host/config';
import { StorageFault } from '../policy/errors';
import { Logger } from '../host/logger';
import { startAzurite } from './azurite';
import { RecordTable } from './recordTable';
import { ReportingStorage } from './reportingStorage';

/** The tables every bot has, whatever its features: where to reach people later, and the claims that make a card act once. */
export const CORE_TABLES = ['conversations', 'claims'] as const;

export interface OpenedStorage {
  /** Bot state (dialog stacks, user settings), in Blob Storage. */
  state: Storage;
  /** Records, in Table Storage. */
  /** One of the tables named when opening (the core ones and the features'); any other is a programming error. */
  table<T extends object>(name: string): RecordTable<T>;
  connectionString: string;
  /** Resolves when storage answers now (the embedded Azurite is up and a table can be read). */
  probe(): Promise<void>;
  /** The embedded Azurite's process, when there is one. */
  azuritePid(): number | undefined;
  close(): Promise<void>;
}

/** Azure Storage, or an embedded Azurite when no connection string is configured. */
export async function openStorage(settings: StorageSettings, stateContainer: string, logger: Logger, tables: readonly string[]): Promise<OpenedStorage> {
  const known = new Set<string>([...CORE_TABLES, ...tables]);
  let connectionString: string;
  let close = async () => {};
  let up = () => true;
  let azuritePid = (): number | undefined => undefined;
  if (settings.mode === 'azure') {
    connectionString = settings.connectionString;
  } else {
    const azurite = await startAzurite({ location: settings.location, inMemory: settings.inMemory, logger });
    connectionString = azurite.connectionString;
    close = azurite.stop;
    up = () => azurite.up;
    azuritePid = () => azurite.pid;
  }
  const insecure = /DefaultEndpointsProtocol=http;|Endpoint=http:/i.test(connectionString);
  // Few, short tries: while storage is down a turn fails in seconds and says so, instead of waiting half a minute.
  const state = new ReportingStorage(
    () =>
      new BlobsStorage(connectionString, stateContainer, {
        storagePipelineOptions: { retryOptions: { maxTries: 2, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } },
      }),
  );
  const table = <T extends object>(name: string) => {
    if (!known.has(name)) throw new Error(`No table "${name}" is declared (core tables, or a feature's tables in bot/features)`);
    return new RecordTable<T>(
      TableClient.fromConnectionString(connectionString, name, {
        allowInsecureConnection: insecure,
        retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      }),
    );
  };
  const probeTable = table('conversations');
  const probe = async () => {
    if (!up()) throw new StorageFault('the embedded Azurite is restarting');
    await probeTable.get('probe', 'probe');
  };
  return { state, connectionString, table, probe, azuritePid, close };
}
