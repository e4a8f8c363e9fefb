import assert from 'node:assert/strict';
import { operationNamedIn } from '../../bot/nlu/namedRequests';

describe('Requests asked for by name', () => {
  const cases: [string, string | undefined][] = [
    ['journal d’audit de julie', 'audit.read'],
    ['qui a touché à la licence de Léa ?', 'audit.read'],
    ['historique des changements de Léa', 'audit.read'],
    ['show me the change history for Paul', 'audit.read'],
    ['demandes en attente', 'helpdesk.pending'],
    ['show me the pending password requests', 'helpdesk.pending'],
    ['demandes de mot de passe en attente', 'helpdesk.pending'],
    ['any open password reset requests?', 'helpdesk.pending'],
    ['ce canal est le canal du support', 'helpdesk.configure'],
    ['incidents ouverts sur Exchange', 'incident.open'],
    ['open incidents', 'incident.open'],
    ['tickets non pris', 'incident.open'],
    ['incidents pris par moi', 'incident.open'],
    ['incidents taken by me', 'incident.open'],
    ['quels incidents ne sont pas pris ?', 'incident.open'],
    ["which tickets haven't been picked up?", 'incident.open'],
    ['incidents sans technicien', 'incident.open'],
    ['mes incidents ne sont pas pris', undefined],
    // who holds a plan (not how many are left, not who changed it)
    ['who has an E5 licence?', 'license.list'],
    ['qui a une licence Business Standard ?', 'license.list'],
    ['which users are on Business Premium', 'license.list'],
    ['liste des utilisateurs E3', 'license.list'],
    ['qui a encore des licences E3 de libres ?', undefined],
    ['who has a license?', undefined],
    ['liste des utilisateurs sans licence', 'license.list'],
    ["who doesn't have a license?", 'license.list'],
    ["la stagiaire n'a pas de licence, tu peux régler ça ?", undefined],
    ['qui a retiré la licence E3 de Paul ?', 'audit.read'],
    // a service's state, not one's ticket about it
    ['quel est le statut de sharepoint', 'service.health'],
    ['Exchange health?', 'service.health'],
    ["l'état de mon ticket sur Teams", undefined],
    ['quel est le statut de mon incident ?', undefined],
    // the list of administrators, never a grant
    ["Can I see who's an admin?", 'admin.roles'],
    ['can you show me the admins', 'admin.roles'],
    ['peux-tu me montrer les admins', 'admin.roles'],
    ['qui est admin exchange ?', 'admin.roles'],
    ['make Julie an admin', undefined],
    // someone else needs a product: a licence
    ["Paul a besoin d'Outlook", 'license.assign'],
    ['Hugo will need a mailbox', 'license.assign'],
    ["j'ai besoin d'Outlook sur mon téléphone", undefined],
    // one's own sign-in methods, not someone else's
    ['How do I set up MFA?', 'password.change'],
    ['comment configurer la double authentification ?', 'password.change'],
    ["j'ai un nouveau téléphone, comment je remets Authenticator ?", 'password.change'],
    ['réinitialise la MFA de Paul Fontaine', undefined],
    // what someone must be able to do, and who can
    ['Lina doit pouvoir gérer les licences', 'admin.roles'],
    ['who can manage licenses?', 'admin.roles'],
    ['qui peut réinitialiser les mots de passe ?', 'admin.roles'],
    ['qui peut m’aider ?', undefined],
    // an ordinary user's account: explained under admin.create (the bot makes administrators only)
    ['crée un utilisateur Marc Dubois', 'admin.create'],
    ['create a user account for the new intern', 'admin.create'],
    ['créer un compte administrateur pour Marc', undefined],
    ['ajoute mon compte mail sur mon iPhone', undefined],
    ['bloque la connexion de Paul Fontaine', 'admin.create'],
    ['delete the user Paul Fontaine', 'admin.create'],
    ['mon compte est bloqué', undefined],
    ['débloque le compte de Thomas', undefined],
    ['supprime la licence de Paul', undefined],
    ['mes incidents en cours', undefined],
    ['my open tickets', undefined],
    ['incidents en cours côté Microsoft sur Exchange ?', undefined],
    ['qui a retiré la licence de Paul ?', 'audit.read'],
    ["who reset Léa's password?", 'audit.read'],
    ['who has removed the E5 from Julie', 'audit.read'],
    ['qui a raison ?', undefined],
    ['who took my ticket?', undefined],
    // not the audit log: who holds the role
    ['qui est administrateur général ?', 'admin.roles'],
  ];
  for (const [text, operation] of cases) it(`reads « ${text} » as ${operation ?? 'no named request'}`, () => assert.equal(operationNamedIn(text), operation));
});
