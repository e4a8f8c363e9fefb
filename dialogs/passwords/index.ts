import type { FeatureDialogs } from '../core/routes';
import { KnowledgeDialog } from '../core/knowledgeDialog';
import { ChangePasswordDialog } from './changePasswordDialog';
import { ResetPasswordDialog } from './resetPasswordDialog';
import { SelfServiceResetDialog } from './selfServiceResetDialog';

export const passwordDialogs: FeatureDialogs = (s) => ({
  routes: [
    {
      intent: 'password.reset',
      dialog: new ResetPasswordDialog(
        s,
        s.resolveUser(),
        new SelfServiceResetDialog(s.resetRequests, s.cards, s.localizer, new KnowledgeDialog(s.knowledge, s.cards, s.localizer), s.interruptions),
      ),
    },
    {
      intent: 'password.change',
      dialog: new ChangePasswordDialog(
        s.oauthConnectionName,
        s.myAccount,
        s.audit,
        s.cards,
        s.localizer,
        new KnowledgeDialog(s.knowledge, s.cards, s.localizer),
        s.interruptions,
      ),
    },
  ],
});
