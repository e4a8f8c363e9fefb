import type { FeatureDialogs } from '../core/routes';
import { KnowledgeDialog } from '../core/knowledgeDialog';
import { SupportContactDialog } from './supportContactDialog';

/** The knowledge feature's one dialog of its own: who « the support » is for the person asking. Its other intents are answered by the main dialog from the knowledge base. */
export const knowledgeDialogs: FeatureDialogs = (s) => ({
  routes: [
    { intent: 'support.contact', dialog: new SupportContactDialog(s.roles, s.cards, s.localizer, new KnowledgeDialog(s.knowledge, s.cards, s.localizer)) },
  ],
});
