import type { FeatureName } from '../bot/features';
import { adminDialogs } from './admins';
import { auditDialogs } from './audit';
import { domainDialogs } from './domains';
import type { FeatureDialogs } from './core/routes';
import { helpdeskDialogs } from './helpdesk';
import { incidentDialogs } from './incidents';
import { knowledgeDialogs } from './knowledge';
import { licenceDialogs } from './licences';
import { passwordDialogs } from './passwords';
import { serviceHealthDialogs } from './serviceHealth';

/**
 * Each feature's dialogs, by the feature's name (bot/features/index.ts lists the features: the
 * compiler asks for an entry here for each). The directory feature routes no dialog of its own, and
 * the main dialog answers most of the knowledge feature's intents from the knowledge base.
 */
export const FEATURE_DIALOGS: Record<FeatureName, FeatureDialogs> = {
  directory: () => ({ routes: [] }),
  licences: licenceDialogs,
  passwords: passwordDialogs,
  admins: adminDialogs,
  helpdesk: helpdeskDialogs,
  incidents: incidentDialogs,
  audit: auditDialogs,
  serviceHealth: serviceHealthDialogs,
  domains: domainDialogs,
  knowledge: knowledgeDialogs,
};
