import { RecordTable } from './storage/recordTable';

/**
 * "A card clicked twice, or replayed, acts once": each confirmation card carries a token, and the
 * first turn to claim it in Table Storage is the only one allowed to act.
 */
export class ActionClaims {
  constructor(private readonly table: RecordTable<{ by: string; at: string; operation: string }>) {}

  /** True for the first claim of this token, false for every later one. */
  claim(token: string, by: string, operation: string): Promise<boolean> {
    return this.table.create('confirmation', token, { by, at: new Date().toISOString(), operation });
  }
}
