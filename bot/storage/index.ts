import { TableClient } from '@azure/data-tables';
import { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { StorageSettings } from '../config';
import { Logger } from '../logger';
import { startAzurite } from './azurite';
import { RecordTable } from './recordTable';
import { ReportingStorage } from './reportingStorage';

export const TABLES = ['audit', 'incidents', 'requests', 'conversations'] as const;
export type TableName = (typeof TABLES)[number];

export interface OpenedStorage {
  /** Bot state (dialog stacks, user settings), in Blob Storage. */
  state: Storage;
  /** Records, in Table Storage. */
  table<T extends object>(name: TableName): RecordTable<T>;
  connectionString: string;
  close(): Promise<void>;
}

/** Azure Storage, or an embedded Azurite when no connection string is configured. */
export async function openStorage(settings: StorageSettings, stateContainer: string, logger: Logger): Promise<OpenedStorage> {
  let connectionString: string;
  let close = async () => {};
  if (settings.mode === 'azure') {
    connectionString = settings.connectionString;
  } else {
    const azurite = await startAzurite({ location: settings.location, inMemory: settings.inMemory, logger });
    connectionString = azurite.connectionString;
    close = azurite.stop;
  }
  const insecure = /DefaultEndpointsProtocol=http;|Endpoint=http:/i.test(connectionString);
  const state = new ReportingStorage(new BlobsStorage(connectionString, stateContainer));
  return {
    state,
    connectionString,
    table: <T extends object>(name: TableName) =>
      new RecordTable<T>(TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: insecure })),
    close,
  };
}
