import { RecordTable } from '../storage/recordTable';

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

  /** Gives a claim back, when what it was taken for could not be done (another decision may then be taken). */
  release(token: string): Promise<void> {
    return this.table.remove('confirmation', token);
  }

  /** Whether this token was claimed already (a card that has acted). */
  async wasUsed(token: string): Promise<boolean> {
    return (await this.table.get('confirmation', token)) !== undefined;
  }
}
