import { fold } from './entities';

/**
 * « journal d'audit », "audit log": asked for by name. It is not one of DESIGN.md's intent labels
 * (a contract other scripts read), so it is recognised here, before the intents.
 */
export function asksForAuditLog(text: string): boolean {
  return /\b(journal d'?\s*audit|journal des (operations|actions)|audit (log|trail)|historique des (operations|actions)|audit)\b/.test(fold(text));
}

/** The operation an audit request narrows to, from its words. */
export function auditedOperation(text: string): string | undefined {
  const t = fold(text);
  if (/\b(attribu\w*|affect\w*|assign\w*)/.test(t)) return 'license.assign';
  if (/\b(retir\w*|supprim\w*|remov\w*)/.test(t)) return 'license.remove';
  if (/\b(chang\w*|upgrad\w*|downgrad\w*|swap\w*)/.test(t)) return 'license.change';
  return undefined;
}
