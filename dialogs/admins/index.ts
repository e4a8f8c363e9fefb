import type { FeatureDialogs } from '../core/routes';
import { AdminRolesDialog } from './adminRolesDialog';
import { asksToGrant, GrantRoleDialog } from './grantRoleDialog';
import { asksToRevoke, RevokeRoleDialog } from './revokeRoleDialog';
import { accountArticle } from '../../bot/nlu/namedRequests';
import { ArticleDialog } from '../core/articleDialog';
import { KnowledgeDialog } from '../core/knowledgeDialog';

export const adminDialogs: FeatureDialogs = (s) => {
  const grantRole = new GrantRoleDialog(s, s.resolveUser());
  const revokeRole = new RevokeRoleDialog(s, s.resolveUser());
  return {
    routes: [
      // Taking a role away is checked first, whichever of the two intents the request was read as:
      // « Nadia n'a plus besoin d'être admin des utilisateurs » must never offer to grant it.
      { intent: 'admin.roles', dialog: revokeRole, when: asksToRevoke },
      { intent: 'admin.create', dialog: revokeRole, when: asksToRevoke },
      { intent: 'admin.roles', dialog: grantRole, when: asksToGrant },
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
