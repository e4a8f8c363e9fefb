import { odata, TableClient } from '@azure/data-tables';
import { StorageFault } from '../policy/errors';

export type Indexed = Record<string, string | number | boolean>;

/** A record as read, with the ETag that identifies this version of it. */
export interface Versioned<T> {
  record: T;
  etag: string;
}

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

  /** A record with its ETag, to write it back only if nobody changed it meanwhile (replaceIf). */
  async read(partition: string, row: string): Promise<Versioned<T> | undefined> {
    return this.guard('reading', async () => {
      await this.ensureTable();
      try {
        const entity = await this.client.getEntity<{ json: string }>(partition, row, call());
        return { record: JSON.parse(entity.json) as T, etag: entity.etag };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    });
  }

  /** Writes the record only if it is still the version read (its ETag); false when someone wrote it since. */
  async replaceIf(partition: string, row: string, etag: string, record: T, indexed: Indexed = {}): Promise<boolean> {
    return this.guard('writing', async () => {
      await this.ensureTable();
      try {
        await this.client.updateEntity({ partitionKey: partition, rowKey: row, ...indexed, json: JSON.stringify(record) }, 'Replace', { etag, ...call() });
        return true;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 412) return false;
        throw error;
      }
    });
  }

  /**
   * Reads a record, changes it and writes it back only if nobody wrote it meanwhile, as many times
   * as it takes (optimistic concurrency: every instance of the bot may do it at once). `change`
   * returns the new record, or undefined to leave it as it is; it may run more than once.
   */
  async update(partition: string, row: string, change: (current: T) => T | undefined, indexed: (record: T) => Indexed = () => ({})): Promise<T | undefined> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const current = await this.read(partition, row);
      if (!current) return undefined;
      const next = change(structuredClone(current.record));
      if (next === undefined) return current.record;
      if (await this.replaceIf(partition, row, current.etag, next, indexed(next))) return next;
    }
    throw new StorageFault(`Table ${this.name}: ${partition}/${row} changed 50 times while being updated`);
  }

  /**
   * The next number of a sequence kept in one row (1 the first time), unique across every process
   * sharing the storage: each increment is written only over the version it read (ETag).
   */
  async nextNumber(partition: string, row: string): Promise<number> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const current = (await this.read(partition, row)) as Versioned<{ value: number }> | undefined;
      if (!current) {
        if (await this.create(partition, row, { value: 1 } as T)) return 1;
        continue;
      }
      const value = current.record.value + 1;
      if (await this.replaceIf(partition, row, current.etag, { value } as T)) return value;
    }
    throw new StorageFault(`Table ${this.name}: the sequence ${partition}/${row} is too contended`);
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
