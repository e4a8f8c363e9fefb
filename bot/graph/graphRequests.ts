/**
 * A Microsoft Graph request the bot makes, with the application permission it relies on and why.
 * Each feature declares the requests its services make (bot/features/<name>/feature.ts); a test
 * checks the whole list against the code (every request is declared) and against Microsoft's own
 * permission map (the permission really grants it); the README's permission table is that list.
 */
export interface GraphRequestUse {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Graph's path, ids as {id}. */
  path: string;
  permission: string;
  why: string;
}
