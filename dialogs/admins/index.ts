import type { FeatureDialogs } from '../core/routes';
import { AdminRolesDialog } from './adminRolesDialog';
import { asksToGrant, GrantRoleDialog } from './grantRoleDialog';
import { asksToRevoke, RevokeRoleDialog } from './revokeRoleDialog';
import { accountArticle } from '../../bot/nlu/namedRequests';
import { ArticleDialog } from '../core/articleDialog';
import { KnowledgeDialog } from '../core/knowledgeDialog';

export const adminDialogs: FeatureDialogs = (s) => {
  const grantRole = new GrantRoleDialog(s, s.resolveUser());
  return {
    routes: [
      { intent: 'admin.roles', dialog: grantRole, when: asksToGrant },
      { intent: 'admin.roles', dialog: new RevokeRoleDialog(s, s.resolveUser()), when: asksToRevoke },
      // « crée un utilisateur Marc Dubois », « bloque la connexion de Paul »: an ordinary account, explained (the bot makes administrators only).
      {
        intent: 'admin.create',
        dialog: new ArticleDialog(
          'userAccountDialog',
          new KnowledgeDialog(s.knowledge, s.cards, s.localizer),
          (text) => accountArticle(text) ?? 'account.create',
        ),
        when: (r) => accountArticle(r.text) !== undefined,
      },
      { intent: 'admin.create', dialog: grantRole },
      {
        intent: 'admin.roles',
        dialog: new AdminRolesDialog(s.authorizer, s.roles, s.directory, s.names, s.tenantName, s.cards, s.localizer, s.resolveUser(), s.interruptions),
      },
    ],
  };
};
