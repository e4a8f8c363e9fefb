import assert from 'node:assert/strict';
import { unreachableTable } from '../support/dialogStack';
import { MemoryStorage, Storage, StoreItems } from 'botbuilder';
import { StorageFault } from '../../bot/policy/errors';
import { Logger } from '../../bot/host/logger';
import { OpenedStorage, openStorage } from '../../bot/storage';
import { ReportingStorage } from '../../bot/storage/reportingStorage';

describe('Storage on Azurite (embedded, in memory)', function () {
  this.timeout(60000);
  let storage: OpenedStorage;

  before(async () => {
    storage = await openStorage({ mode: 'embedded', location: '.local/azurite-test', inMemory: true }, 'teststate', new Logger('error', {}, () => {}), [
      'audit',
      'requests',
      'incidents',
    ]);
  });
  after(async () => storage?.close());

  it('gives a connection string to a local Azurite on loopback', () => {
    assert.match(storage.connectionString, /BlobEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/);
    assert.match(storage.connectionString, /TableEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/);
  });

  it('keeps bot state in Blob Storage: written, read back, deleted', async () => {
    await storage.state.write({ 'conv/1': { dialogState: { step: 2 }, eTag: '*' } });
    const read = await storage.state.read(['conv/1']);
    assert.deepEqual(read['conv/1'].dialogState, { step: 2 });
    await storage.state.delete(['conv/1']);
    assert.deepEqual(await storage.state.read(['conv/1']), {});
  });

  it('refuses a state write made from a stale read (ETag), so two instances never overwrite each other', async () => {
    await storage.state.write({ 'conv/etag': { step: 1, eTag: '*' } });
    const read = (await storage.state.read(['conv/etag']))['conv/etag'];
    await storage.state.write({ 'conv/etag': { ...read, step: 2 } });
    await assert.rejects(storage.state.write({ 'conv/etag': { ...read, step: 3 } }), StorageFault);
    assert.equal((await storage.state.read(['conv/etag']))['conv/etag'].step, 2);
  });

  it('keeps records in Table Storage: put, get, list by partition', async () => {
    const audit = storage.table<{ operation: string; target: string }>('audit');
    await audit.put('2026-11', '001', { operation: 'license.assign', target: 'julie.roux@lumiere-fils.fr' }, { operation: 'license.assign' });
    await audit.put('2026-11', '002', { operation: 'license.remove', target: 'paul.fontaine@lumiere-fils.fr' });
    assert.deepEqual(await audit.get('2026-11', '001'), { operation: 'license.assign', target: 'julie.roux@lumiere-fils.fr' });
    assert.equal(await audit.get('2026-11', '999'), undefined);
    assert.deepEqual(
      (await audit.list('2026-11')).map((r) => r.operation),
      ['license.assign', 'license.remove'],
    );
  });

  it('lists only the records whose indexed columns hold the values asked for, quotes included', async () => {
    const requests = storage.table<{ id: string }>('requests');
    await requests.put('filter', 'a', { id: 'a' }, { status: 'pending' });
    await requests.put('filter', 'b', { id: 'b' }, { status: 'approved' });
    await requests.put('filter', 'c', { id: 'c' }, { status: "it's" });
    assert.deepEqual(
      (await requests.list('filter', 10, { status: 'pending' })).map((r) => r.id),
      ['a'],
    );
    assert.deepEqual(
      (await requests.list('filter', 10, { status: "it's" })).map((r) => r.id),
      ['c'],
    );
  });

  it('works again when its table disappeared (the storage came back empty)', async () => {
    const records = storage.table<{ id: string }>('incidents');
    await records.put('p', '1', { id: '1' });
    const { TableServiceClient } = await import('@azure/data-tables');
    await TableServiceClient.fromConnectionString(storage.connectionString, { allowInsecureConnection: true }).deleteTable('incidents');
    await records.put('p', '2', { id: '2' });
    assert.deepEqual(await records.get('p', '2'), { id: '2' });
  });

  it('creates a record only once, telling a replay apart', async () => {
    const requests = storage.table<{ by: string }>('requests');
    assert.equal(await requests.create('action', 'card-42', { by: 'camille' }), true);
    assert.equal(await requests.create('action', 'card-42', { by: 'camille' }), false);
  });
});

describe('Storage through a managed identity', () => {
  it("points the clients at the account's own endpoints, and starts no Azurite", async () => {
    const opened = await openStorage({ mode: 'identity', accountName: 'aa365storage' }, 'botstate', new Logger('error', {}, () => {}), ['audit']);
    assert.equal(opened.connectionString, 'BlobEndpoint=https://aa365storage.blob.core.windows.net;TableEndpoint=https://aa365storage.table.core.windows.net');
    assert.equal(opened.azuritePid(), undefined);
    assert.equal(opened.table('audit').name, 'audit');
    await opened.close();
  });
});

describe('Storage faults', () => {
  class BrokenStorage implements Storage {
    async read(): Promise<StoreItems> {
      throw new Error('ECONNREFUSED 127.0.0.1:10000');
    }
    async write(): Promise<void> {
      throw new Error('The specified container is being deleted.');
    }
    async delete(): Promise<void> {
      throw new Error('ECONNRESET');
    }
  }

  it('surface as StorageFault, never silently', async () => {
    const storage = new ReportingStorage(() => new BrokenStorage());
    await assert.rejects(storage.read(['a']), StorageFault);
    await assert.rejects(storage.write({ a: {} }), (e: unknown) => e instanceof StorageFault && /container is being deleted/.test(e.message));
    await assert.rejects(storage.delete(['a']), StorageFault);
  });

  it('of a record table (storage unreachable) surface as StorageFault', async () => {
    await assert.rejects(unreachableTable('audit').put('p', 'r', { a: 1 }), StorageFault);
  });

  it('of the state storage heal: after a failure a new client is made, and it works once storage is back', async () => {
    let made = 0;
    const storage = new ReportingStorage(() => (++made === 1 ? new BrokenStorage() : new MemoryStorage()));
    await assert.rejects(storage.read(['a']), StorageFault);
    await storage.write({ a: { value: 1 } });
    assert.equal((await storage.read(['a'])).a.value, 1);
    assert.equal(made, 2);
  });

  it('of a state storage that hangs end within its deadline', async () => {
    const hanging: Storage = { read: () => new Promise(() => {}), write: () => new Promise(() => {}), delete: () => new Promise(() => {}) };
    const storage = new ReportingStorage(() => hanging, 100);
    await assert.rejects(storage.read(['a']), (e: unknown) => e instanceof StorageFault && /no answer within 100 ms/.test(e.message));
  });

  it('let a working storage through unchanged', async () => {
    const storage = new ReportingStorage(() => new MemoryStorage());
    await storage.write({ a: { value: 1 } });
    assert.equal((await storage.read(['a'])).a.value, 1);
  });
});
