import { randomUUID } from 'node:crypto';
import { RecordTable } from '../storage/recordTable';
import { fold } from '../nlu/entities';

/** unknown: Graph did not answer in time, the write may have happened. */
export type Outcome = 'succeeded' | 'failed' | 'refused' | 'unknown';

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

/**
 * The audit log, in Table Storage: one partition a month, row keys that sort newest first.
 * A failed write is a StorageFault (RecordTable), never silently lost.
 */
export class AuditLog {
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

  async record(entry: Omit<AuditEntry, 'time'>): Promise<AuditEntry> {
    const at = this.now();
    AuditLog.assertNoSecrets(entry.parameters);
    const full: AuditEntry = { time: at.toISOString(), ...entry };
    const row = `${String(MAX_TIME - at.getTime()).padStart(13, '0')}-${randomUUID().slice(0, 8)}`;
    await this.table.put(monthOf(at), row, full, { operation: entry.operation, outcome: entry.outcome, callerId: entry.caller.id, target: entry.target });
    return full;
  }

  /** The newest entries of this month and the last, filtered. */
  async recent(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const at = this.now();
    const previous = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1));
    const entries = [...(await this.table.list(monthOf(at))), ...(await this.table.list(monthOf(previous)))];
    // Accents and capitals aside, every word somewhere: « lea » finds Léa Petit, « paul fontaine » paul.fontaine@….
    const who = query.user ? fold(query.user).split(/\s+/).filter(Boolean) : undefined;
    const since = query.since?.toISOString();
    return entries
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

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}
