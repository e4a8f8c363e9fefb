import { Storage, StoreItems } from 'botbuilder';
import { StorageFault } from '../errors';

/** Bot state storage whose failures surface as StorageFault, so the user hears what happened. */
export class ReportingStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('reading', () => this.inner.read(keys));
  }
  write(changes: StoreItems): Promise<void> {
    return this.guard('writing', () => this.inner.write(changes));
  }
  delete(keys: string[]): Promise<void> {
    return this.guard('deleting', () => this.inner.delete(keys));
  }

  private async guard<R>(doing: string, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      throw new StorageFault(`Bot state: failed ${doing}: ${(error as Error).message}`);
    }
  }
}
