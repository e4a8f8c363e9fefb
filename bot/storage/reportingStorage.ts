import { Storage, StoreItems } from 'botbuilder';
import { StorageFault } from '../policy/errors';

/**
 * Bot state storage whose failures surface as StorageFault, so the user hears what happened, and
 * that heals: after a failure the underlying storage is made anew (Blob Storage's client remembers
 * its container forever, even a failed attempt to create it), and a call that failed because the
 * container is gone (the storage was restarted empty) is tried once more on a fresh one.
 */
export class ReportingStorage implements Storage {
  private inner?: Storage;

  /** `deadlineMs`: how long one call may take (the Blob client's own try timeout does not bound a download). */
  constructor(
    private readonly create: () => Storage,
    private readonly deadlineMs = 5000,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('reading', (storage) => storage.read(keys));
  }
  write(changes: StoreItems): Promise<void> {
    return this.guard('writing', (storage) => storage.write(changes));
  }
  delete(keys: string[]): Promise<void> {
    return this.guard('deleting', (storage) => storage.delete(keys));
  }

  private async guard<R>(doing: string, work: (storage: Storage) => Promise<R>): Promise<R> {
    try {
      try {
        return await this.withinDeadline(work((this.inner ??= this.create())));
      } catch (error) {
        this.inner = undefined;
        if (!/ContainerNotFound/i.test(String((error as { code?: string }).code ?? (error as Error).message))) throw error;
        return await this.withinDeadline(work((this.inner = this.create())));
      }
    } catch (error) {
      this.inner = undefined;
      throw new StorageFault(`Bot state: failed ${doing}: ${(error as Error).message}`);
    }
  }

  private withinDeadline<R>(work: Promise<R>): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${this.deadlineMs} ms`)), this.deadlineMs)));
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
}
