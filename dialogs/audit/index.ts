import type { FeatureDialogs } from '../core/routes';
import { AuditLogDialog } from './auditLogDialog';

export const auditDialogs: FeatureDialogs = (s) => ({
  routes: [{ intent: 'audit.read', dialog: new AuditLogDialog(s.authorizer, s.audit, s.names, s.cards, s.localizer) }],
});
