import assert from 'node:assert/strict';
import { ORDINARY, seed } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

type Reply = { text?: string; attachments?: { content: any }[] };
const personal = { id: 'a:personal', conversationType: 'personal', isGroup: false, name: '' };
const from = { id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id };
/** What Entra would give Léa through the OAuth connection: a token whose oid is hers (the demo tenant reads only that). */
const leaToken = `x.${Buffer.from(JSON.stringify({ oid: ORDINARY.id })).toString('base64url')}.y`;

describe("Changing one's own password in chat (Teams SSO)", function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const signedIn = async (conversation = personal) => {
    const client = (await dialogStack(tenant().url, 5000, 'graph')).client();
    (client as unknown as { _testAdapter: { addUserToken(c: string, ch: string, u: string, t: string): void } })._testAdapter.addUserToken(
      'graph',
      'msteams',
      'u',
      leaToken,
    );
    const say = (text: string) => client.sendActivity({ type: 'message', text, locale: 'fr-FR', from, conversation }) as Promise<Reply>;
    const submit = (card: any, values: object) =>
      client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, conversation, value: { ...card.actions[0].data, ...values } }) as Promise<Reply>;
    return { say, submit };
  };
  const form = (reply: Reply) => reply.attachments![0].content;

  it("changes the password with the user's own token, the passwords typed in password fields of a card", async () => {
    const chat = await signedIn();
    const card = form(await chat.say('je veux changer mon mot de passe'));
    assert.ok(card.body.filter((b: { style?: string }) => b.style === 'Password').length === 3);
    const done = await chat.submit(card, { current: seed.demoPassword, next: 'Nouveau-Depart-42', again: 'Nouveau-Depart-42' });
    assert.equal(done.text, "C'est fait : votre mot de passe est changé. Utilisez-le dès votre prochaine connexion.");
    assert.ok(tenant().requests.some((r) => r.path === '/me/changePassword' && r.status === 204));
  });

  it('says when the current password is wrong, and changes nothing', async () => {
    const chat = await signedIn();
    const done = await chat.submit(form(await chat.say('je veux changer mon mot de passe')), {
      current: 'pas-le-bon',
      next: 'Nouveau-Depart-42',
      again: 'Nouveau-Depart-42',
    });
    assert.equal(done.text!.split(' Référence')[0], "Le mot de passe actuel n'est pas le bon : rien n'a été changé.");
  });

  it('refuses a new password that breaks the complexity rules', async () => {
    const chat = await signedIn();
    const done = await chat.submit(form(await chat.say('je veux changer mon mot de passe')), { current: seed.demoPassword, next: 'faible', again: 'faible' });
    assert.match(done.text!, /ne respecte pas les règles de complexité/);
  });

  it('refuses a password used recently', async () => {
    const first = await signedIn();
    await first.submit(form(await first.say('je veux changer mon mot de passe')), {
      current: seed.demoPassword,
      next: 'Nouveau-Depart-42',
      again: 'Nouveau-Depart-42',
    });
    const second = await signedIn();
    const done = await second.submit(form(await second.say('je veux changer mon mot de passe')), {
      current: 'Nouveau-Depart-42',
      next: seed.demoPassword,
      again: seed.demoPassword,
    });
    assert.match(done.text!, /ne respecte pas les règles de complexité/);
  });

  it('asks again when the two new passwords differ', async () => {
    const chat = await signedIn();
    const reply = await chat.submit(form(await chat.say('je veux changer mon mot de passe')), {
      current: seed.demoPassword,
      next: 'Nouveau-Depart-42',
      again: 'Nouveau-Depart-43',
    });
    assert.equal(reply.text, 'Les deux nouveaux mots de passe ne sont pas identiques. Recommencez.');
    assert.ok(!tenant().requests.some((r) => r.path === '/me/changePassword'));
  });

  it('does it only in a private chat', async () => {
    const chat = await signedIn({ id: 'a:channel', conversationType: 'channel', isGroup: true, name: '' });
    assert.equal(
      (await chat.say('je veux changer mon mot de passe')).text,
      'Pour votre sécurité, changez votre mot de passe dans notre conversation privée, pas ici.',
    );
  });
});
