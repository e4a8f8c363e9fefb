import type { FeatureDialogs } from '../core/routes';
import { KnowledgeDialog } from '../core/knowledgeDialog';
import { ChangePasswordDialog } from './changePasswordDialog';
import { ResetPasswordDialog } from './resetPasswordDialog';

export const passwordDialogs: FeatureDialogs = (s) => [
  {
    intent: 'password.reset',
    dialog: new ResetPasswordDialog({ ...s, requests: s.resetRequests }, s.resolveUser(), new KnowledgeDialog(s.knowledge, s.cards, s.localizer)),
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
];
