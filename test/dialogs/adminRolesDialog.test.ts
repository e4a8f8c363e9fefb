import assert from 'node:assert/strict';
import { rootCause, RoleRequired } from '../../bot/policy/errors';
import { ADMIN, ORDINARY, seededUser } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

const JULIE = seededUser('julie.roux@lumiere-fils.fr');
const asAdmin = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
const say = (text: string, from = asAdmin) => ({ type: 'message', text, locale: 'fr-FR', from });
const cardText = (reply: { attachments?: { content: unknown }[] }) => JSON.stringify(reply.attachments?.[0]?.content ?? {});

describe('Administrators and their roles (read-only), through the main dialog', () => {
  const { tenant } = useDemoTenant();
  const client = async () => (await dialogStack(tenant().url)).client();

  it('« quels rôles a Nadia ? » shows her roles, in French', async () => {
    const text = cardText(await (await client()).sendActivity(say('quels rôles a Nadia ?')));
    assert.match(text, /Rôles de Nadia Benali/);
    assert.match(text, /Administrateur de licences/);
    assert.match(text, /Administrateur d'utilisateurs/);
  });

  it('« liste des administrateurs » shows everyone holding a role', async () => {
    const text = cardText(await (await client()).sendActivity(say('liste des administrateurs')));
    assert.match(text, /Administrateurs de Lumière & Fils/);
    for (const name of ['Camille Martin', 'Sophie Laurent', 'Nadia Benali', 'Julien Moreau', 'Thomas Girard']) assert.match(text, new RegExp(name));
    assert.doesNotMatch(text, /Léa Petit/);
  });

  it('« qui est administrateur général ? » shows the holders of that role only', async () => {
    const text = cardText(await (await client()).sendActivity(say('qui est administrateur général ?')));
    assert.match(text, /Qui a le rôle Administrateur général/);
    for (const name of ['Camille Martin', 'Sophie Laurent']) assert.match(text, new RegExp(name));
    for (const name of ['Nadia Benali', 'Julien Moreau', 'Thomas Girard']) assert.doesNotMatch(text, new RegExp(name));
  });

  it("« qui sont les administrateurs généraux ? », in the plural, shows that role's holders too (« généraux » is no one's name)", async () => {
    const text = cardText(await (await client()).sendActivity(say('qui sont les administrateurs généraux ?')));
    assert.match(text, /Qui a le rôle Administrateur général/);
    assert.match(text, /Sophie Laurent/);
    assert.doesNotMatch(text, /Nadia Benali/);
  });

  it('« qui peut réinitialiser les mots de passe ? » shows who holds the least-privileged role that can, and the Global Administrators', async () => {
    const text = cardText(await (await client()).sendActivity(say('qui peut réinitialiser les mots de passe ?')));
    assert.match(text, /Qui peut le faire \(Administrateur de mots de passe, Administrateur général\)/);
    for (const name of ['Julien Moreau', 'Camille Martin', 'Sophie Laurent']) assert.match(text, new RegExp(name));
    for (const name of ['Nadia Benali', 'Thomas Girard']) assert.doesNotMatch(text, new RegExp(name));
  });

  it('"who has the Teams admin role" answers in English with its holders', async () => {
    const reply = await (await client()).sendActivity({ ...say('who has the Teams admin role'), locale: 'en-US' });
    const text = cardText(reply);
    assert.match(text, /Who holds Teams Administrator/);
    assert.match(text, /Thomas Girard/);
    assert.doesNotMatch(text, /Camille Martin/);
  });

  it('says when nobody holds the role asked about', async () => {
    const text = cardText(await (await client()).sendActivity(say("qui est administrateur de l'authentification ?")));
    assert.match(text, /Personne n'a le rôle Administrateur d'authentification/);
  });

  it('says a person holds no role', async () => {
    const text = cardText(await (await client()).sendActivity(say('quels rôles a Léa Petit ?')));
    assert.match(text, /Léa Petit n'a aucun rôle d'administrateur/);
  });

  it('asks which one when a name is typed in part (« Jul »: Julie or Julien), then shows the one chosen', async () => {
    const dialog = await client();
    const choice = (await dialog.sendActivity(say('quels rôles a Jul ?'))).attachments[0].content;
    assert.match(JSON.stringify(choice), /Julien Moreau/);
    const reply = await dialog.sendActivity({ ...say(''), value: { pick: 'user', choice: JULIE.id, nonce: choice.actions[0].data.nonce } });
    assert.match(cardText(reply), /Rôles de Julie Roux/);
  });

  it('stops at « annuler » in the middle, and the next request starts afresh', async () => {
    const dialog = await client();
    await dialog.sendActivity(say('quels rôles a Jul ?'));
    const cancelled = await dialog.sendActivity(say('annuler'));
    assert.equal(cancelled.text, "C'est annulé : rien n'a été modifié.");
    const next = await dialog.sendActivity(say('licences'));
    assert.match(cardText(next), /Licences de Lumière & Fils/);
  });

  it("keeps answering in the conversation's language when a card click carries none", async () => {
    const dialog = await client();
    const choice = (await dialog.sendActivity(say('quels rôles a Jul ?'))).attachments[0].content;
    const click = { type: 'message', locale: 'en-US', from: asAdmin, value: { pick: 'user', choice: JULIE.id, nonce: choice.actions[0].data.nonce } };
    assert.match(cardText(await dialog.sendActivity(click)), /Rôles de Julie Roux/);
  });

  it('shows the help at « aide » in the middle, then carries on', async () => {
    const dialog = await client();
    const choice = (await dialog.sendActivity(say('quels rôles a Jul ?'))).attachments[0].content;
    assert.match(cardText(await dialog.sendActivity(say('aide'))), /Ce que je peux faire pour vous/);
    const reply = await dialog.sendActivity({ ...say(''), value: { pick: 'user', choice: JULIE.id, nonce: choice.actions[0].data.nonce } });
    assert.match(cardText(reply), /Rôles de Julie Roux/);
  });

  it('is refused to a user without an administrator role, naming the roles it takes', async () => {
    const dialog = await client();
    await assert.rejects(dialog.sendActivity(say('liste des administrateurs', { id: 'u', name: 'Léa', aadObjectId: ORDINARY.id })), (error: unknown) => {
      const cause = rootCause(error);
      return cause instanceof RoleRequired && String(cause.params.roles).includes('Global Administrator');
    });
  });
});
