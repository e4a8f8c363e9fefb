import { randomUUID } from 'node:crypto';
import { RecordTable } from '../storage/recordTable';
import { fold } from '../nlu/entities';

/**
 * intended: written before the write is sent (its outcome follows in another entry; alone, the
 * bot stopped before it could record one). unknown: Graph's answer was lost, the write may have
 * happened (the outcome read back follows).
 */
export type Outcome = 'intended' | 'succeeded' | 'failed' | 'refused' | 'unknown';

/** One write to the tenant, as the audit log keeps it. Never a secret in parameters. */
export interface AuditEntry {
  time: string;
  correlationId: string;
  caller: { id: string; name: string };
  operation: string;
  target: string;
  parameters: Record<string, string | number | boolean>;
  outcome: Outcome;
  error?: string;
  graphRequestId?: string;
}

export interface AuditQuery {
  /** A caller or target, by name or address (each word contained in one of them, accents and case ignored). */
  user?: string;
  operation?: string;
  /** Only what happened from then on (the log reaches two months back). */
  since?: Date;
  limit?: number;
}

const SECRET = /pass(word)?|secret|token/i;
const MAX_TIME = 9_999_999_999_999;

/** An entry written, as Table Storage keeps it. */
interface Row {
  partition: string;
  row: string;
  entry: AuditEntry;
}

/**
 * The audit log, in Table Storage: one partition a month, row keys that sort newest first.
 * A write is audited twice: its intent before it is sent (storage down: the write is refused up
 * front), then its outcome, which is never lost: when storage does not take it, it waits in a
 * backlog that `flush` writes (the composition root calls it until it is empty; /readyz counts it).
 */
export class AuditLog {
  private readonly waiting: Row[] = [];

  constructor(
    private readonly table: RecordTable<AuditEntry>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Refuses parameters whose names say they hold a secret: call it before the write, so a mistake stops it. */
  static assertNoSecrets(parameters: AuditEntry['parameters']): void {
    for (const key of Object.keys(parameters)) {
      if (SECRET.test(key)) throw new Error(`Audit parameters must not carry secrets ("${key}")`);
    }
  }

  /** Writes an entry now; a StorageFault when storage does not take it. */
  async record(entry: Omit<AuditEntry, 'time'>): Promise<AuditEntry> {
    const row = this.rowOf(entry);
    await this.write(row);
    return row.entry;
  }

  /** The entry of a write about to be sent. A StorageFault means the write must not be sent. */
  intend(entry: Omit<AuditEntry, 'time' | 'outcome'>): Promise<AuditEntry> {
    return this.record({ ...entry, outcome: 'intended' });
  }

  /**
   * The outcome of a write that was sent: written now if storage takes it, else kept in the
   * backlog and written by `flush`. Never throws, so the asker is told the outcome whatever storage does.
   */
  async settle(entry: Omit<AuditEntry, 'time'>): Promise<void> {
    const row = this.rowOf(entry);
    await this.write(row).catch(() => this.waiting.push(row));
  }

  /** How many outcomes wait for storage. */
  backlog(): number {
    return this.waiting.length;
  }

  /** Writes the outcomes that wait, oldest first, until storage refuses one; how many are left. */
  async flush(): Promise<number> {
    while (this.waiting.length > 0) {
      const ok = await this.write(this.waiting[0]).then(
        () => true,
        () => false,
      );
      if (!ok) break;
      this.waiting.shift();
    }
    return this.waiting.length;
  }

  private rowOf(entry: Omit<AuditEntry, 'time'>): Row {
    const at = this.now();
    AuditLog.assertNoSecrets(entry.parameters);
    return {
      partition: monthOf(at),
      row: `${String(MAX_TIME - at.getTime()).padStart(13, '0')}-${randomUUID().slice(0, 8)}`,
      entry: { time: at.toISOString(), ...entry },
    };
  }

  private write({ partition, row, entry }: Row): Promise<void> {
    return this.table.put(partition, row, entry, { operation: entry.operation, outcome: entry.outcome, callerId: entry.caller.id, target: entry.target });
  }

  /** The newest entries of this month and the last, filtered. */
  async recent(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const at = this.now();
    const previous = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1));
    const entries = [...(await this.table.list(monthOf(at))), ...(await this.table.list(monthOf(previous)))];
    // Accents and capitals aside, every word somewhere: « lea » finds Léa Petit, « paul fontaine » paul.fontaine@….
    const who = query.user ? fold(query.user).split(/\s+/).filter(Boolean) : undefined;
    const since = query.since?.toISOString();
    // An intent is shown only while no outcome follows it (the bot stopped before recording one).
    const settled = new Set(entries.filter((e) => e.outcome !== 'intended').map(keyOf));
    return entries
      .filter((e) => e.outcome !== 'intended' || !settled.has(keyOf(e)))
      .filter((e) => !query.operation || e.operation === query.operation)
      .filter((e) => !since || e.time >= since)
      .filter((e) => {
        if (!who) return true;
        const fields = [e.caller.name, e.caller.id, e.target].map(fold);
        return who.every((word) => fields.some((v) => v.includes(word)));
      })
      .slice(0, query.limit ?? 20);
  }
}

/** What ties a write's intent to its outcome: the turn, the operation, its target. */
function keyOf(e: AuditEntry): string {
  return `${e.correlationId} ${e.operation} ${e.target}`;
}

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}
