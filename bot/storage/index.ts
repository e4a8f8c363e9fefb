import { TableClient, TableServiceClientOptions } from '@azure/data-tables';
import { ManagedIdentityCredential } from '@azure/identity';
import type { StoragePipelineOptions } from '@azure/storage-blob';
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
  let close = async () => {};
  let up = () => true;
  let azuritePid = (): number | undefined => undefined;
  let access: StorageAccess;
  if (settings.mode === 'identity') {
    access = identityAccess(settings.accountName, settings.clientId);
  } else if (settings.mode === 'azure') {
    access = connectionStringAccess(settings.connectionString);
  } else {
    const azurite = await startAzurite({ location: settings.location, inMemory: settings.inMemory, logger });
    access = connectionStringAccess(azurite.connectionString);
    close = azurite.stop;
    up = () => azurite.up;
    azuritePid = () => azurite.pid;
  }
  // Few, short tries: while storage is down a turn fails in seconds and says so, instead of waiting half a minute.
  const state = new ReportingStorage(() =>
    access.blobs(stateContainer, { retryOptions: { maxTries: 2, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } }),
  );
  const table = <T extends object>(name: string) => {
    if (!known.has(name)) throw new Error(`No table "${name}" is declared (core tables, or a feature's tables in bot/features)`);
    return new RecordTable<T>(access.table(name, { retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } }));
  };
  const probeTable = table('conversations');
  const probe = async () => {
    if (!up()) throw new StorageFault('the embedded Azurite is restarting');
    await probeTable.get('probe', 'probe');
  };
  return { state, connectionString: access.description, table, probe, azuritePid, close };
}

/** How the clients reach the account: a connection string (Azurite, or an account key), or a managed identity (no secret). */
interface StorageAccess {
  /** The connection string, or the account's endpoints (what tests and logs may show). */
  description: string;
  blobs(container: string, options: StoragePipelineOptions): Storage;
  table(name: string, options: TableServiceClientOptions): TableClient;
}

function connectionStringAccess(connectionString: string): StorageAccess {
  const insecure = /DefaultEndpointsProtocol=http;|Endpoint=http:/i.test(connectionString);
  return {
    description: connectionString,
    blobs: (container, options) => new BlobsStorage(connectionString, container, { storagePipelineOptions: options }),
    table: (name, options) => TableClient.fromConnectionString(connectionString, name, { ...options, allowInsecureConnection: insecure }),
  };
}

/** The account's own endpoints and the managed identity (user-assigned when its client id is given). */
function identityAccess(accountName: string, clientId: string | undefined): StorageAccess {
  const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
  const blobEndpoint = `https://${accountName}.blob.core.windows.net`;
  const tableEndpoint = `https://${accountName}.table.core.windows.net`;
  return {
    description: `BlobEndpoint=${blobEndpoint};TableEndpoint=${tableEndpoint}`,
    blobs: (container, options) => new BlobsStorage('', container, { storagePipelineOptions: options }, `${blobEndpoint}/${container}`, credential),
    table: (name, options) => new TableClient(tableEndpoint, name, credential, options),
  };
}
