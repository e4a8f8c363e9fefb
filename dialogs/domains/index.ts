import { KnowledgeDialog } from '../core/knowledgeDialog';
import type { FeatureDialogs } from '../core/routes';
import { DomainsDialog } from './domainsDialog';

export const domainDialogs: FeatureDialogs = (s) => ({
  routes: [{ intent: 'domain.setup', dialog: new DomainsDialog(s, new KnowledgeDialog(s.knowledge, s.cards, s.localizer)) }],
});
