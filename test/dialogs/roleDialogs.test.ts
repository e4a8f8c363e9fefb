import assert from 'node:assert/strict';
import { rootCause, RoleRequired } from '../../bot/policy/errors';
import { ADMIN, ROLE, seededUser } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

const JULIE = seededUser('julie.roux@lumiere-fils.fr');
const SOPHIE = seededUser('sophie.laurent@lumiere-fils.fr'); // Global + Exchange Administrator
const JULIEN = seededUser('julien.moreau@lumiere-fils.fr'); // Helpdesk + Password Administrator
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';
type Reply = { text?: string; attachments?: { content: any }[] };
const personal = { id: 'a:personal', conversationType: 'personal', isGroup: false, name: '' };

describe('Administrators and their roles', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const chatAs = async (aadObjectId = ADMIN.id, name = 'Camille Martin') => {
    const stack = await dialogStack(tenant().url);
    const client = stack.client();
    const from = { id: 'u', name, aadObjectId };
    return {
      client,
      say: (text: string) => client.sendActivity({ type: 'message', text, locale: 'fr-FR', from, conversation: personal }) as Promise<Reply>,
      click: (data: object) => client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, conversation: personal, value: data }) as Promise<Reply>,
      audit: stack.audit,
    };
  };
  const rolesOf = (userId: string) => [...tenant().store.roleAssignments.values()].filter((a) => a.principalId === userId).map((a) => a.roleDefinitionId);

  it('grants a role from the allow-list to an existing user, after confirmation', async () => {
    const chat = await chatAs();
    const confirm = (await chat.say('ajoute le rôle support technique à Julie Roux')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Donner le rôle Administrateur du support technique à Julie Roux/);
    assert.equal((await chat.click(confirm.actions[0].data)).text, "C'est fait : Julie Roux a maintenant le rôle Administrateur du support technique.");
    assert.deepEqual(rolesOf(JULIE.id), [ROLE.helpdeskAdmin]);
  });

  it('creates a new administrator account without a licence, and hands its sign-in details to the caller privately', async () => {
    const chat = await chatAs();
    const confirm = (await chat.say('crée un administrateur des licences pour nouvel.admin@lumiere-fils.fr')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /nouveau compte à créer : nouvel.admin@lumiere-fils.fr/);
    const done = await chat.click(confirm.actions[0].data);
    assert.match(done.text!, /nouvel.admin a maintenant le rôle Administrateur de licences/);
    const credentials = chat.client.getNextReply() as Reply;
    assert.match(JSON.stringify(credentials.attachments![0].content), /Masquer le mot de passe/);
    const created = tenant().store.user('nouvel.admin@lumiere-fils.fr');
    assert.deepEqual(rolesOf(created.id), [ROLE.licenseAdmin]);
    assert.equal(tenant().store.heldSkus(created).size, 0, 'no licence consumed');
    assert.equal(created.forceChangePasswordNextSignIn, true);
    const [entry] = await chat.audit.recent({ operation: 'admin.create' });
    assert.equal(entry.target, 'nouvel.admin@lumiere-fils.fr');
  });

  it('offers a new account for someone not in the directory yet, and makes it from the address typed', async () => {
    const chat = await chatAs();
    const asked = await chat.say('crée un compte administrateur des licences pour Hélène Vasseur');
    assert.equal(
      asked.text,
      "« helene vasseur » n'est pas dans l'annuaire. Pour créer un nouveau compte administrateur, donnez son adresse (par exemple helene.vasseur@lumiere-fils.fr) ; sinon, donnez un autre nom (« annuler » pour abandonner).",
    );
    const confirm = (await chat.say('helene.vasseur@lumiere-fils.fr')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /nouveau compte à créer : helene.vasseur@lumiere-fils.fr/);
    await chat.click(confirm.actions[0].data);
    assert.deepEqual(rolesOf(tenant().store.user('helene.vasseur@lumiere-fils.fr').id), [ROLE.licenseAdmin]);
  });

  it('says a new account may be made when the name typed is only close to someone', async () => {
    const chat = await chatAs();
    const card = (await chat.say('make Victor Durand a user admin')).attachments![0].content;
    assert.match(JSON.stringify(card), /To create a new account, give me its address \(for example victor.durand@lumiere-fils.fr\)\. Or did you mean:/);
  });

  it('refuses a new account on a domain that is not verified', async () => {
    const chat = await chatAs();
    const reply = await chat.say('crée un administrateur des licences pour x@lumiere-fils.com');
    assert.match(reply.text!, /n'est pas un domaine vérifié/);
  });

  it('offers only the allow-listed roles when another is asked', async () => {
    const chat = await chatAs();
    const reply = await chat.say('ajoute le rôle lecteur général à Julie Roux');
    assert.match(reply.text!, /Je ne peux donner ou retirer que ces rôles/);
  });

  it("names the roles it can give when asked for another of Entra's roles, in the language of the request", async () => {
    const reply = await (await chatAs()).say('give Julie Roux the billing admin role');
    assert.match(reply.text!, /I can only assign or remove these roles: Global Administrator/);
  });

  it('says which roles it can give when asked, in either language', async () => {
    assert.match((await (await chatAs()).say('quels rôles peux-tu donner ?')).text!, /^Je peux donner ou retirer ces rôles : Administrateur général, /);
    assert.match((await (await chatAs()).say('what roles can you give?')).text!, /^I can assign or remove these roles: Global Administrator, /);
  });

  it('revokes a role after confirmation', async () => {
    const chat = await chatAs();
    const confirm = (await chat.say('retire le rôle administrateur Exchange à Sophie Laurent')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Retirer le rôle Administrateur Exchange à Sophie Laurent/);
    assert.equal((await chat.click(confirm.actions[0].data)).text, "C'est fait : Sophie Laurent n'a plus le rôle Administrateur Exchange.");
    assert.ok(!rolesOf(SOPHIE.id).includes(EXCHANGE_ADMIN));
  });

  describe('tells a role given from a role taken away, in everyday words, or from what the person must be able to do', () => {
    const cases: [string, RegExp][] = [
      [
        'strip Sophie Laurent of her Exchange admin role',
        /Retirer le rôle Administrateur Exchange à Sophie Laurent|Remove the Exchange Administrator role from Sophie Laurent/,
      ],
      ['ôte le rôle admin Exchange à Sophie Laurent', /Retirer le rôle Administrateur Exchange à Sophie Laurent/],
      ['assign the Teams admin role to Julie Roux', /Give Julie Roux the Teams Administrator role|Donner le rôle Administrateur Teams à Julie Roux/],
      // what the person must be able to do: the least-privileged role that allows it
      ['Julie Roux doit pouvoir gérer les licences', /Donner le rôle Administrateur de licences à Julie Roux/],
      [
        'I need Julie Roux to be able to reset passwords',
        /Give Julie Roux the Password Administrator role|Donner le rôle Administrateur de mots de passe à Julie Roux/,
      ],
      ['il faut que Julie Roux puisse gérer Teams', /Donner le rôle Administrateur Teams à Julie Roux/],
      // … or must no longer do, or no longer is
      ['Sophie Laurent ne doit plus pouvoir gérer Exchange', /Retirer le rôle Administrateur Exchange à Sophie Laurent/],
      [
        'Sophie Laurent should no longer manage Exchange',
        /Remove the Exchange Administrator role from Sophie Laurent|Retirer le rôle Administrateur Exchange à Sophie Laurent/,
      ],
      ["Sophie Laurent n'est plus admin Exchange", /Retirer le rôle Administrateur Exchange à Sophie Laurent/],
      // … or no longer needs it: never read as a grant, whichever intent the classifier chose
      ["Nadia n'a plus besoin d'être admin des utilisateurs", /Retirer le rôle Administrateur d'utilisateurs à Nadia Benali/],
      [
        "Nadia doesn't need the user admin role anymore",
        /Remove the User Administrator role from Nadia Benali|Retirer le rôle Administrateur d'utilisateurs à Nadia Benali/,
      ],
    ];
    for (const [text, card] of cases) {
      it(`« ${text} »`, async () => {
        const reply = await (await chatAs()).say(text);
        assert.match(JSON.stringify(reply.attachments?.[0]?.content ?? reply.text), card);
      });
    }
  });

  it('offers the roles a person holds when the one to take away is not named, then takes it away after confirmation', async () => {
    const chat = await chatAs();
    const chooser = (await chat.say('enlève les droits admin de Julien Moreau')).attachments![0].content;
    assert.match(JSON.stringify(chooser), /Quel rôle retirer à Julien Moreau/);
    assert.match(JSON.stringify(chooser), /Administrateur du support technique/);
    assert.match(JSON.stringify(chooser), /Administrateur de mots de passe/);
    const confirm = (await chat.click({ ...chooser.actions[0].data, choice: 'Password Administrator' })).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Retirer le rôle Administrateur de mots de passe à Julien Moreau/);
    assert.equal((await chat.click(confirm.actions[0].data)).text, "C'est fait : Julien Moreau n'a plus le rôle Administrateur de mots de passe.");
  });

  it('takes a word of a role offered, typed on the chooser (« Teams » for « Administrateur Teams »), and says why when the word is none of them', async () => {
    const chat = await chatAs();
    await chat.say('retire le rôle de Thomas Girard');
    const retry = await chat.say('Exchange');
    assert.match(retry.text!, /^Je n'ai pas reconnu l'un des choix proposés/);
    assert.match(JSON.stringify(retry.attachments![0].content), /Quel rôle retirer à Thomas Girard/);
    const confirm = (await chat.say('Teams')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Retirer le rôle Administrateur Teams à Thomas Girard/);
  });

  it('says so when the person named holds no role to take away', async () => {
    const reply = await (await chatAs()).say('enlève les droits admin de Julie Roux');
    assert.equal(reply.text, "Julie Roux n'a aucun rôle d'administrateur.");
  });

  it('never removes the last Global Administrator', async () => {
    for (const [id, a] of tenant().store.roleAssignments)
      if (a.principalId === SOPHIE.id && a.roleDefinitionId === ROLE.globalAdmin) tenant().store.roleAssignments.delete(id);
    const chat = await chatAs();
    const reply = await chat.say('retire le rôle administrateur global à Camille Martin');
    assert.match(reply.text!, /Camille Martin est le dernier administrateur général/);
    assert.ok(rolesOf(ADMIN.id).includes(ROLE.globalAdmin));
  });

  it("takes « mon rôle » for the asker's own (« retire mon rôle d'administrateur général »), after confirmation", async () => {
    const reply = await (await chatAs()).say("retire mon rôle d'administrateur général");
    assert.match(JSON.stringify(reply.attachments?.[0]?.content), /Retirer le rôle Administrateur général à Camille Martin/);
  });

  it('is refused to a Helpdesk Administrator', async () => {
    const chat = await chatAs(JULIEN.id, 'Julien Moreau');
    await assert.rejects(chat.say('ajoute le rôle support technique à Julie Roux'), (error: unknown) => rootCause(error) instanceof RoleRequired);
  });
});
