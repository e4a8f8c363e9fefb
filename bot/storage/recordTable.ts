import { odata, TableClient } from '@azure/data-tables';
import { StorageFault } from '../policy/errors';

export type Indexed = Record<string, string | number | boolean>;

/** How long one storage call may take before the turn is told storage is unavailable. */
const CALL_DEADLINE_MS = 4000;

/** Options for each call: a deadline, so that a storage that hangs fails the turn in seconds, not minutes. */
const call = () => ({ abortSignal: AbortSignal.timeout(CALL_DEADLINE_MS) });

/**
 * One Azure Table of records (audit entries, incidents, requests, conversation references).
 * A record is kept whole as JSON, with a few scalar columns beside it to filter on.
 * Every failure becomes a StorageFault: nothing is dropped silently.
 */
export class RecordTable<T extends object> {
  private created?: Promise<void>;

  constructor(private readonly client: TableClient) {}

  get name(): string {
    return this.client.tableName;
  }

  async put(partition: string, row: string, record: T, indexed: Indexed = {}): Promise<void> {
    await this.guard('writing', async () => {
      await this.ensureTable();
      await this.client.upsertEntity({ partitionKey: partition, rowKey: row, ...indexed, json: JSON.stringify(record) }, 'Replace', call());
    });
  }

  /** Creates the record only if absent; false when it already existed (how a replayed action is told apart). */
  async create(partition: string, row: string, record: T, indexed: Indexed = {}): Promise<boolean> {
    return this.guard('writing', async () => {
      await this.ensureTable();
      try {
        await this.client.createEntity({ partitionKey: partition, rowKey: row, ...indexed, json: JSON.stringify(record) }, call());
        return true;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 409) return false;
        throw error;
      }
    });
  }

  async remove(partition: string, row: string): Promise<void> {
    await this.guard('deleting', async () => {
      await this.ensureTable();
      try {
        await this.client.deleteEntity(partition, row, call());
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    });
  }

  async get(partition: string, row: string): Promise<T | undefined> {
    return this.guard('reading', async () => {
      await this.ensureTable();
      try {
        const entity = await this.client.getEntity<{ json: string }>(partition, row, call());
        return JSON.parse(entity.json) as T;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    });
  }

  /**
   * The records of one partition, newest row keys last (Table Storage sorts by row key); with
   * `where`, only those whose indexed columns hold these values.
   */
  async list(partition: string, limit = 1000, where: Indexed = {}): Promise<T[]> {
    return this.guard('reading', async () => {
      await this.ensureTable();
      const records: T[] = [];
      const filter = [odata`PartitionKey eq ${partition}`, ...Object.entries(where).map(([column, value]) => `${column} eq ${literal(value)}`)].join(' and ');
      const pages = this.client.listEntities<{ json: string }>({ queryOptions: { filter }, ...call() });
      for await (const entity of pages) {
        records.push(JSON.parse(entity.json) as T);
        if (records.length >= limit) break;
      }
      return records;
    });
  }

  private ensureTable(): Promise<void> {
    this.created ??= this.client.createTable(call()).catch((error) => {
      this.created = undefined;
      throw error;
    });
    return this.created;
  }

  /**
   * Runs one storage call; any failure becomes a StorageFault. A table that disappeared (the
   * storage was restarted empty) is created again and the call tried once more.
   */
  private async guard<R>(doing: string, work: () => Promise<R>): Promise<R> {
    try {
      try {
        return await work();
      } catch (error) {
        if (!/TableNotFound/.test(`${(error as { code?: string }).code} ${(error as Error).message}`)) throw error;
        this.created = undefined;
        return await work();
      }
    } catch (error) {
      throw new StorageFault(`Table ${this.name}: failed ${doing}: ${(error as Error).message}`);
    }
  }
}

/** An OData literal: a string quoted (its quotes doubled), a number or a boolean as it is. */
function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
}
