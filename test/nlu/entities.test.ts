import assert from 'node:assert/strict';
import { capabilityGrant, extractEntities, roleForCapability } from '../../bot/nlu/entities';
import { detectLanguage, inAnotherLanguage } from '../../bot/nlu/language';

const of = (text: string, type: string) => extractEntities(text).filter((e) => e.type === type);
const values = (text: string, type: string) => of(text, type).map((e) => e.value);

describe('Entities', () => {
  describe('e-mail addresses', () => {
    it('finds several, lower-cased, each once', () => {
      assert.deepEqual(values('Licence pour Julie.Roux@Lumiere-Fils.fr, paul.fontaine@lumiere-fils.fr et julie.roux@lumiere-fils.fr', 'email'), [
        'julie.roux@lumiere-fils.fr',
        'paul.fontaine@lumiere-fils.fr',
      ]);
    });

    it('does not take the domain of an address for a domain', () => {
      assert.deepEqual(values('licence pour julie@lumiere-fils.fr', 'domain'), []);
    });
  });

  describe('licence plans', () => {
    const cases: [string, string[]][] = [
      ['une licence Business Standard', ['O365_BUSINESS_PREMIUM']],
      ['business std', ['O365_BUSINESS_PREMIUM']],
      ['Microsoft 365 Business Premium', ['SPB']],
      ['BUSINESS BASIC', ['O365_BUSINESS_ESSENTIALS']],
      ['Office 365 E3', ['ENTERPRISEPACK']],
      ['licence 0365 E3', ['ENTERPRISEPACK']],
      ['O365 E5', ['ENTERPRISEPREMIUM']],
      ['M365 E3', ['SPE_E3']],
      ['Exchange Online (Plan 1)', ['EXCHANGESTANDARD']],
      ['Exchange plan 2', ['EXCHANGEENTERPRISE']],
      ['P1', ['EXCHANGESTANDARD']],
      ['passe-le de E3 à M365 E5', ['ENTERPRISEPACK', 'SPE_E5']],
    ];
    for (const [text, expected] of cases) {
      it(`reads « ${text} » as ${expected.join(' then ')}`, () => assert.deepEqual(values(text, 'sku'), expected));
    }

    it('keeps both candidates when « E3 » alone could be Office 365 E3 or Microsoft 365 E3', () => {
      assert.deepEqual(of('une licence E3', 'sku')[0].candidates, ['ENTERPRISEPACK', 'SPE_E3']);
      assert.equal(of('une licence Office 365 E3', 'sku')[0].candidates, undefined);
    });

    it('reads « une licence Exchange » as the Exchange Online plans, and « Exchange Online est en panne » as the service', () => {
      for (const text of ['donne une licence Exchange à Antoine', 'an Exchange Online license for Paul']) {
        assert.deepEqual(of(text, 'sku')[0].candidates, ['EXCHANGESTANDARD', 'EXCHANGEENTERPRISE'], text);
      }
      assert.deepEqual(values('une licence Exchange Online Plan 1 pour Paul', 'sku'), ['EXCHANGESTANDARD'], 'the plan named wins');
      assert.deepEqual(values('Exchange Online est en panne', 'sku'), []);
      assert.deepEqual(values('Exchange Online est en panne', 'service'), ['Exchange Online']);
    });

    it('does not see a plan inside another word', () => {
      assert.deepEqual(values('standardiste au premier étage', 'sku'), []);
    });
  });

  describe('roles', () => {
    const cases: [string, string][] = [
      ['crée un administrateur des licences', 'License Administrator'],
      ['Administratrice globale', 'Global Administrator'],
      ['ajoute le rôle support technique', 'Helpdesk Administrator'],
      ['make her a global admin', 'Global Administrator'],
      ['administrateur des mots de passe', 'Password Administrator'],
      ['administrateur Exchange', 'Exchange Administrator'],
      // the short forms people type
      ['make Julien an exchange admin', 'Exchange Administrator'],
      ['add the user admin role to Nadia', 'User Administrator'],
      ['fais de Nadia une admin des licences', 'License Administrator'],
      ['qui est GA sur le tenant ?', 'Global Administrator'],
      ['donne-lui le rôle admin helpdesk', 'Helpdesk Administrator'],
      ['retire le rôle admin SP à Thomas', 'SharePoint Administrator'],
      ['domain admin for Lina', 'Domain Name Administrator'],
      // "administrator of …", as written by a French speaker
      ['I want that Karim becomes administrator of Exchange', 'Exchange Administrator'],
      ['please to make Tom admin of the users', 'User Administrator'],
      // roles the bot does not grant, named so that it says so (and does not guess another)
      ["donne à Léa le rôle d'admin sécurité", 'Security Administrator'],
      ['give Sarah the billing admin role', 'Billing Administrator'],
      ['lecteur de sécurité pour Ana', 'Security Reader'],
      ['ajoute le rôle admin Intune à Marc', 'Intune Administrator'],
      ['make Julie a Teams communications admin', 'Teams Communications Administrator'],
      // in the plural
      ['add Nadia to the global admins', 'Global Administrator'],
      ['qui sont les administrateurs généraux ?', 'Global Administrator'],
      ['les admins Exchange', 'Exchange Administrator'],
      ['remove Thomas from the SharePoint admins', 'SharePoint Administrator'],
    ];
    for (const [text, role] of cases) it(`reads « ${text} » as ${role}`, () => assert.deepEqual(values(text, 'role'), [role]));

    it('reads the role someone must have from what they must be able to do, and never from a wish of the writer', () => {
      const cases: [string, string | undefined][] = [
        ['Lina doit pouvoir gérer les licences', 'License Administrator'],
        ['I need Lina to be able to reset passwords', 'Password Administrator'],
        ['il faut que Lina puisse gérer Teams', 'Teams Administrator'],
        ['Paul should be able to manage users', 'User Administrator'],
        ['Julien must be able to manage mailboxes', 'Exchange Administrator'],
        ['Nadia doit pouvoir ouvrir des demandes chez Microsoft', 'Service Support Administrator'],
        ['je dois pouvoir réinitialiser mon mot de passe', undefined],
        ['I need to be able to reset my password', undefined],
        ['Outlook should let me change my password', undefined],
        ['ça doit pouvoir marcher', undefined],
        ['can Julien reset passwords?', undefined],
        // their own thing takes no role
        ['Paul doit pouvoir changer son mot de passe', undefined],
        ['Julie doit pouvoir gérer sa messagerie', undefined],
        ['Lina doit pouvoir réinitialiser les mots de passe de son équipe', 'Password Administrator'],
        // access to the licences is managing them; access to a product is a licence, no role
        ['Lina doit avoir accès aux licences', 'License Administrator'],
        ['Lina should no longer have access to licenses', 'License Administrator'],
        ['Paul doit avoir accès à Teams', undefined],
      ];
      for (const [text, role] of cases) assert.equal(roleForCapability(text), role, text);
      assert.equal(capabilityGrant('Thomas ne doit plus pouvoir gérer Teams')?.revoke, true, 'no longer: taken away');
      assert.equal(capabilityGrant('Thomas should no longer manage Teams')?.revoke, true);
      assert.equal(capabilityGrant('Thomas doit pouvoir gérer Teams')?.revoke, false);
      assert.deepEqual(values('Lina doit pouvoir gérer les licences', 'role'), ['License Administrator']);
    });

    it('reads services by the products people name', () => {
      assert.deepEqual(values('mon agenda ne se synchronise plus', 'service'), ['Exchange Online']);
      assert.deepEqual(values("l'intranet est lent", 'service'), ['SharePoint Online']);
      assert.deepEqual(values('OneNote plante', 'service'), ['Microsoft 365 apps']);
      assert.deepEqual(values('la MFA ne marche plus', 'service'), ['Microsoft Entra']);
    });

    it('reads plans by their former and short names', () => {
      assert.deepEqual(values('une licence Office 365 Business Premium', 'sku'), ['O365_BUSINESS_PREMIUM']);
      assert.deepEqual(values('passe-le en biz premium', 'sku'), ['SPB']);
      assert.deepEqual(values('bus std pour Paul', 'sku'), ['O365_BUSINESS_PREMIUM']);
    });

    it('reads Microsoft 365 as a whole as no one service, and its apps as the apps', () => {
      assert.deepEqual(values('is everything ok with office 365 today?', 'service'), []);
      assert.deepEqual(values('m365 est en panne ?', 'service'), []);
      assert.deepEqual(values('les applications Office plantent', 'service'), ['Microsoft 365 apps']);
      assert.deepEqual(values('office 365 apps keep crashing', 'service'), ['Microsoft 365 apps']);
    });

    it('does not read the Exchange administrator role as the Exchange service', () => {
      assert.deepEqual(values('nomme Thomas administrateur Exchange', 'service'), []);
    });
  });

  describe('services, domains and incidents', () => {
    it('reads Outlook and the mail as Exchange Online, and names Teams, SharePoint, OneDrive', () => {
      assert.deepEqual(values('Outlook ne marche plus', 'service'), ['Exchange Online']);
      assert.deepEqual(values('Teams et SharePoint et OneDrive', 'service'), ['Microsoft Teams', 'SharePoint Online', 'OneDrive for Business']);
    });

    it('finds a domain name', () => {
      assert.deepEqual(values('vérifier le domaine Lumiere-Fils.com stp', 'domain'), ['lumiere-fils.com']);
    });

    it('does not take a number that is not an incident for one', () => {
      assert.deepEqual(values('3 licences C# pour 20 personnes', 'incident'), []);
      assert.deepEqual(values('les incidents 2026', 'incident'), []);
    });

    it('finds an incident number however it is written', () => {
      assert.deepEqual(values('où en est le ticket n°42', 'incident'), ['42']);
      assert.deepEqual(values('suivi INC-0012', 'incident'), ['12']);
      assert.deepEqual(values('incident #7', 'incident'), ['7']);
      assert.deepEqual(values('où en est INC-000123 ?', 'incident'), ['123']);
      assert.deepEqual(values('inc 45 toujours ouvert', 'incident'), ['45']);
      assert.deepEqual(values('statut du ticket 123', 'incident'), ['123']);
      assert.deepEqual(values('le #45 est résolu ?', 'incident'), ['45']);
      assert.deepEqual(values('incident numéro 8', 'incident'), ['8']);
      assert.deepEqual(values('request number 19', 'incident'), ['19']);
    });
  });
});

describe('Language of a message', () => {
  const cases: [string, 'fr' | 'en' | undefined][] = [
    ["j'ai oublié mon mot de passe", 'fr'],
    ['passe Paul de E3 à E5', 'fr'],
    ['combien de licences il nous reste', 'fr'],
    ['how many licenses are left', 'en'],
    // « admin » is French too: it says nothing of the language
    ['mets Julien admin global', 'fr'],
    ['admin global', undefined],
    ["i can't sign in", 'en'],
    // a technician's shorthand, and texting
    ['close INC-1 its fixed', 'en'],
    ['ya un pb', 'fr'],
    ['licences', undefined],
    ['E3', undefined],
    ['julie.roux@lumiere-fils.fr', undefined],
  ];
  for (const [text, language] of cases) {
    it(`« ${text} » is ${language ?? 'too short to tell'}`, () => assert.equal(detectLanguage(text), language));
  }
});

describe('A message in neither French nor English', () => {
  const cases: [string, boolean][] = [
    ['ayuda por favor, no puedo entrar a mi correo', true],
    ['ich kann mich nicht anmelden, bitte hilfe', true],
    ['non riesco ad accedere alla posta', true],
    ['Привет, мне нужна помощь', true],
    ['给我一个许可证', true],
    // names and a word or two of another language are not enough
    ['donne une licence à Maria del Carmen', false],
    ['can you give Paolo Rossi a license', false],
    ['hola', false],
    ['outlook ne marche plus', false],
  ];
  for (const [text, other] of cases) it(`« ${text} » is ${other ? '' : 'not '}in another language`, () => assert.equal(inAnotherLanguage(text), other));
});
