import { Logger } from '../logger';
import { ChildService, ChildServiceOptions } from './childService';

/** Waits before each restart, in milliseconds: quick at first, then every 30 s at most. */
const BACKOFF_MS = [500, 1000, 2000, 5000, 10000, 30000];
/** A child that stays up this long is healthy again: the next failure restarts it quickly. */
const STABLE_MS = 60_000;

export interface SupervisedOptions {
  name: string;
  logger: Logger;
  /**
   * How to start the child. The first start gets nothing; each restart gets what the first start
   * matched (its ready lines), so that it comes back where it was (same ports).
   */
  startOptions(first?: RegExpMatchArray[]): Omit<ChildServiceOptions, 'name' | 'logger'>;
  backoffMs?: readonly number[];
}

/**
 * A child service the bot depends on (Azurite, the demo tenant), kept running: when it exits
 * without being asked to, it is started again with backoff, on the same ports, while the bot goes
 * on answering (turns that need it fail fast and say so). `up` tells the readiness probe.
 */
export class SupervisedService {
  private current: ChildService;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  private stableTimer?: NodeJS.Timeout;
  private stopped = false;
  private isUp = true;

  private constructor(
    private readonly options: SupervisedOptions,
    first: ChildService,
    readonly matches: RegExpMatchArray[],
  ) {
    this.current = first;
    this.watch(first);
  }

  static async start(options: SupervisedOptions): Promise<SupervisedService> {
    const { service, matches } = await ChildService.start({ ...options.startOptions(), name: options.name, logger: options.logger });
    return new SupervisedService(options, service, matches);
  }

  get up(): boolean {
    return this.isUp;
  }

  /** The process running now (for diagnostics, and for tests that kill it). */
  get pid(): number | undefined {
    return this.current.pid;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.stableTimer);
    await this.current.stop();
  }

  private watch(service: ChildService): void {
    service.onUnexpectedExit(() => {
      this.isUp = false;
      clearTimeout(this.stableTimer);
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    const backoff = this.options.backoffMs ?? BACKOFF_MS;
    const delay = backoff[Math.min(this.attempt, backoff.length - 1)];
    this.attempt++;
    this.options.logger.warn(`${this.options.name} is down: restarting`, { inMs: delay, attempt: this.attempt });
    this.timer = setTimeout(() => void this.restart(), delay);
    this.timer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopped) return;
    try {
      const { service } = await ChildService.start({ ...this.options.startOptions(this.matches), name: this.options.name, logger: this.options.logger });
      if (this.stopped) {
        await service.stop();
        return;
      }
      this.current = service;
      this.watch(service);
      this.isUp = true;
      this.options.logger.info(`${this.options.name} restarted`, { attempt: this.attempt });
      this.stableTimer = setTimeout(() => (this.attempt = 0), STABLE_MS);
      this.stableTimer.unref();
    } catch (error) {
      this.options.logger.error(`${this.options.name} could not be restarted`, { error });
      this.scheduleRestart();
    }
  }
}
