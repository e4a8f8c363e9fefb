import assert from 'node:assert/strict';
import { ADMIN, ORDINARY, seededUser } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

const JULIEN = seededUser('julien.moreau@lumiere-fils.fr'); // Helpdesk + Password Administrator
type Reply = { text?: string; attachments?: { content: any }[] };
const personal = { id: 'a:personal-chat', conversationType: 'personal', isGroup: false, name: '' };

describe('Resetting a password', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const chatAs = async (aadObjectId: string, name: string, conversation = personal) => {
    const stack = await dialogStack(tenant().url);
    const client = stack.client();
    const from = { id: 'u', name, aadObjectId };
    const say = (text: string) => client.sendActivity({ type: 'message', text, locale: 'fr-FR', from, conversation }) as Promise<Reply>;
    const click = (data: object) => client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, conversation, value: data }) as Promise<Reply>;
    return { say, click, next: () => client.getNextReply() as Reply | undefined, audit: stack.audit };
  };

  it('lets a Helpdesk Administrator reset an ordinary user, with a temporary password shown once, in private', async () => {
    const before = tenant().store.user(ORDINARY.id).password;
    const chat = await chatAs(JULIEN.id, 'Julien Moreau');
    const confirm = (await chat.say('réinitialise le mot de passe de Léa Petit')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Réinitialiser le mot de passe de Léa Petit/);
    const shown = (await chat.click(confirm.actions[0].data)).attachments![0].content;
    const password = shown.body.find((b: { fontType?: string }) => b.fontType === 'Monospace').text;
    assert.match(password, /^\S{16}$/);
    assert.match(JSON.stringify(shown), /Masquer le mot de passe/);
    const user = tenant().store.user(ORDINARY.id);
    assert.notEqual(user.password, before);
    assert.equal(user.forceChangePasswordNextSignIn, true);
    const [entry] = await chat.audit.recent({ user: 'lea.petit', operation: 'password.reset' });
    assert.equal(entry.outcome, 'succeeded');
    assert.ok(!JSON.stringify(entry).includes(password), 'the audit log never holds the password');
  });

  it('refuses to let a Helpdesk Administrator reset a Global Administrator, naming who could', async () => {
    const chat = await chatAs(JULIEN.id, 'Julien Moreau');
    const reply = await chat.say('réinitialise le mot de passe de Camille Martin');
    assert.equal(
      reply.text,
      "Vous ne pouvez pas réinitialiser le mot de passe de Camille Martin, qui a le rôle Administrateur général : il faut l'un de ces rôles : Administrateur général, Administrateur d'authentification privilégié. Rien n'a été fait.",
    );
  });

  it('explains self-service reset to a user who forgot their own password', async () => {
    const chat = await chatAs(ORDINARY.id, 'Léa Petit');
    const card = JSON.stringify((await chat.say("j'ai oublié mon mot de passe")).attachments![0].content);
    assert.match(card, /la réinitialisation en libre-service/);
    assert.match(card, /passwordreset\.microsoftonline\.com/);
  });

  it("tells a user without a role that someone else's password is for an administrator, and how that person gets one", async () => {
    const chat = await chatAs(ORDINARY.id, 'Léa Petit');
    const reply = await chat.say('réinitialise le mot de passe de Julie Roux');
    assert.match(
      reply.text ?? '',
      /^Seul un administrateur peut réinitialiser le mot de passe de Julie Roux \(l'un de ces rôles : .*Administrateur du support technique/,
    );
    assert.match(reply.text ?? '', /Julie Roux peut le faire seul en libre-service/);
    assert.equal(reply.attachments, undefined, 'no self-service card about her own password');
  });

  it('still explains self-service to a user naming herself, or naming nobody the directory knows', async () => {
    const chat = await chatAs(ORDINARY.id, 'Léa Petit');
    assert.match(JSON.stringify((await chat.say('réinitialise le mot de passe de Léa Petit')).attachments![0].content), /libre-service/);
    assert.match(JSON.stringify((await chat.say('réinitialise le mot de passe de Zorglub')).attachments![0].content), /libre-service/);
  });

  it('takes a typed « oui » under the helpdesk offer as the offer taken (not as « no question waits »)', async () => {
    const chat = await chatAs(ORDINARY.id, 'Léa Petit');
    await chat.say("j'ai oublié mon mot de passe");
    assert.match(JSON.stringify(chat.next()?.attachments?.[0]?.content), /Demander au support/, 'the offer');
    const reply = await chat.say('oui');
    assert.match(reply.text ?? '', /^Aucun canal du support n'est configuré/, 'filed: no helpdesk channel is designated in this test');
  });

  it('explains self-service reset to an administrator asking about their own password', async () => {
    const chat = await chatAs(ADMIN.id, 'Camille Martin');
    assert.match(JSON.stringify((await chat.say("j'ai oublié mon mot de passe")).attachments![0].content), /libre-service/);
  });

  it('reads « my account » as the caller\'s own, whatever other words name no one ("I think my account was hacked")', async () => {
    const chat = await chatAs(ADMIN.id, 'Camille Martin');
    const reply = await chat.say('I think my account was hacked, reset my password');
    assert.match(JSON.stringify(reply.attachments?.[0]?.content ?? reply.text), /self-service reset|libre-service/);
  });

  it('asks an administrator whose password, when the request names nobody yet (« réinitialise un mot de passe »)', async () => {
    const chat = await chatAs(JULIEN.id, 'Julien Moreau');
    assert.equal((await chat.say('réinitialise un mot de passe')).text, 'De qui faut-il réinitialiser le mot de passe ? Donnez son nom ou son adresse e-mail.');
    const confirm = (await chat.say('Léa Petit')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Léa Petit/);
  });

  it('sends an administrator who answers « moi » to self-service: nobody resets their own password here', async () => {
    const chat = await chatAs(JULIEN.id, 'Julien Moreau');
    await chat.say('réinitialise un mot de passe');
    assert.match(JSON.stringify((await chat.say('moi')).attachments![0].content), /libre-service/);
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('resets one password at a time: a whole team asked gets how, and nothing is done', async () => {
    const chat = await chatAs(JULIEN.id, 'Julien Moreau');
    assert.match((await chat.say('réinitialise le mot de passe de tout le service compta')).text!, /^Je réinitialise un mot de passe à la fois/);
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('never shows a password in a channel: it asks to continue in private', async () => {
    const chat = await chatAs(JULIEN.id, 'Julien Moreau', { id: 'a:channel', conversationType: 'channel', isGroup: true, name: '' });
    const reply = await chat.say('réinitialise le mot de passe de Léa Petit');
    assert.match(reply.text!, /ne s'affiche que dans une conversation privée/);
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });
});
