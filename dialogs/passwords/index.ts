import type { FeatureDialogs } from '../core/routes';
import { ArticleDialog } from '../core/articleDialog';
import { KnowledgeDialog } from '../core/knowledgeDialog';
import { securityInfoAsked } from '../../bot/nlu/namedRequests';
import { normalise } from '../../bot/nlu/normalise';
import { ChangePasswordDialog } from './changePasswordDialog';
import { ResetPasswordDialog } from './resetPasswordDialog';
import { SelfServiceResetDialog } from './selfServiceResetDialog';

/** The words of a password, once normalised (« mdp », "pwd", « identifiants » are written out). */
const PASSWORD_WORDS = /\b(motdepasse|password|passcode|code|codes|login|connexion|connecter|sign in|sign-in|expire\w*)\b/;

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
    // « comment configurer la double authentification ? »: one's own sign-in methods, on the Security info page.
    {
      intent: 'password.change',
      dialog: new ArticleDialog('securityInfoDialog', new KnowledgeDialog(s.knowledge, s.cards, s.localizer), () => 'account.securityInfo'),
      when: (r) => securityInfoAsked(r.text),
    },
    {
      intent: 'password.change',
      // A password, said in some words or by its button: "change my profile picture" is no password change (the fallback takes it).
      when: (r) => r.clicked === true || PASSWORD_WORDS.test(normalise(r.text)),
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
