/** What /readyz reports: each dependency the bot needs to serve a turn, and whether it answers now. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | 'unavailable'>;
  /** Work waiting for a dependency to come back (audit outcomes storage did not take), by kind. */
  backlog: Record<string, number>;
}

/**
 * Readiness: storage and Graph, each probed with a short deadline, and the result kept a few
 * seconds so that probes from App Service or a container platform cost nothing. No internal
 * detail is given: a name and ok / unavailable.
 */
export class Readiness {
  private cached?: { at: number; report: Promise<Omit<ReadinessReport, 'backlog'>> };

  constructor(
    private readonly checks: Record<string, () => Promise<unknown>>,
    private readonly backlog: () => Record<string, number> = () => ({}),
    private readonly ttlMs = 3000,
    private readonly deadlineMs = 3000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async report(): Promise<ReadinessReport> {
    if (!this.cached || this.now() - this.cached.at >= this.ttlMs) this.cached = { at: this.now(), report: this.probe() };
    const probed = await this.cached.report;
    return { ...probed, backlog: this.backlog() };
  }

  private async probe(): Promise<Omit<ReadinessReport, 'backlog'>> {
    const names = Object.keys(this.checks);
    const outcomes = await Promise.all(names.map((name) => this.within(this.checks[name]())));
    const checks = Object.fromEntries(names.map((name, i) => [name, outcomes[i] ? 'ok' : 'unavailable'] as const));
    return { ready: outcomes.every(Boolean), checks };
  }

  private within(check: Promise<unknown>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.deadlineMs)));
    return Promise.race([
      check.then(
        () => true,
        () => false,
      ),
      late,
    ]).finally(() => clearTimeout(timer));
  }
}
