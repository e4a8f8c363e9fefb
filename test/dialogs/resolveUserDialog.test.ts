import assert from 'node:assert/strict';
import { namesTheCaller } from '../../dialogs/core/resolveUserDialog';
import { ADMIN, seededUser } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

const JULIE = seededUser('julie.roux@lumiere-fils.fr');
const JULIEN = seededUser('julien.moreau@lumiere-fils.fr');
const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };

describe('Finding the person a request is about', () => {
  const { tenant } = useDemoTenant();
  const start = async (options: object) => (await dialogStack(tenant().url)).client((await dialogStack(tenant().url)).resolveUser, options);
  const say = (text: string) => ({ type: 'message', text, locale: 'fr-FR', from });

  it('takes the person named by e-mail at once', async () => {
    const client = await start({ email: JULIE.userPrincipalName });
    await client.sendActivity(say('go'));
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result.id, JULIE.id);
  });

  it('takes the only person matching a full name', async () => {
    const client = await start({ words: ['julie', 'roux'] });
    await client.sendActivity(say('go'));
    assert.equal(client.dialogTurnResult.result.displayName, 'Julie Roux');
  });

  it('takes the person whose first name is typed whole (« julie »), not those whose name only begins with it (Julien)', async () => {
    const client = await start({ words: ['julie'] });
    await client.sendActivity(say('go'));
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result.id, JULIE.id);
  });

  it('reads a possessive typed without its apostrophe ("julies licence") as the name, when the word finds nobody', async () => {
    const client = await start({ words: ['julies'] });
    await client.sendActivity(say('go'));
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result.id, JULIE.id);
  });

  it('finds a surname alone as it was written, accent and all (« Mme Lefèvre »), when its folded form finds nobody', async () => {
    const client = await start({ words: ['lefevre'] });
    await client.sendActivity(say('quels rôles a Mme Lefèvre ?'));
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result.displayName, 'Chloé Lefèvre');
  });

  it('offers a card to choose from when several people match, and takes the one chosen', async () => {
    const client = await start({ words: ['jul'] });
    const reply = await client.sendActivity(say('go'));
    const card = reply.attachments[0].content;
    const choices = card.body.find((b: { type: string }) => b.type === 'Input.ChoiceSet').choices;
    assert.deepEqual(choices.map((c: { value: string }) => c.value).sort(), [JULIE.id, JULIEN.id].sort());
    assert.match(JSON.stringify(card), /2 personnes correspondent/);
    const nonce = card.actions[0].data.nonce;
    await client.sendActivity({ type: 'message', locale: 'fr-FR', from, value: { pick: 'user', choice: JULIEN.id, nonce } });
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result.id, JULIEN.id);
  });

  it('says when the request names several people (« Paul Fontaine et Léa Petit »), and takes one at a time', async () => {
    const client = await start({ words: ['paul', 'fontaine', 'lea', 'petit'] });
    const card = (await client.sendActivity(say('go'))).attachments[0].content;
    assert.match(JSON.stringify(card), /Vous nommez 2 personnes : je m'occupe d'une à la fois\. Laquelle d'abord \?/);
    const choices = card.body.find((b: { type: string }) => b.type === 'Input.ChoiceSet').choices;
    assert.deepEqual(choices.map((c: { title: string }) => c.title.split(' (')[0]).sort(), ['Léa Petit', 'Paul Fontaine']);
  });

  it('reads two first names (« Paul et Julie ») as two people, and offers them only (not Pauline, not Julien)', async () => {
    const client = await start({ words: ['paul', 'julie'] });
    const card = (await client.sendActivity(say('go'))).attachments[0].content;
    assert.match(JSON.stringify(card), /Vous nommez 2 personnes/);
    const choices = card.body.find((b: { type: string }) => b.type === 'Input.ChoiceSet').choices;
    assert.deepEqual(
      choices.map((c: { title: string }) => c.title.split(' (')[0]),
      ['Julie Roux', 'Paul Fontaine'],
    );
  });

  it('ignores a click on an old card and looks again', async () => {
    const client = await start({ words: ['jul'] });
    await client.sendActivity(say('go'));
    const reply = await client.sendActivity({ type: 'message', locale: 'fr-FR', from, value: { pick: 'user', choice: JULIEN.id, nonce: 'an-old-card' } });
    assert.equal(client.dialogTurnResult.status, 'waiting');
    assert.match(reply.text, /De qui s'agit-il/);
  });

  it('says when an e-mail address is unknown, then accepts a name instead', async () => {
    const client = await start({ email: 'personne@lumiere-fils.fr' });
    const reply = await client.sendActivity(say('go'));
    assert.equal(
      reply.text,
      "Je ne trouve personne avec l'adresse personne@lumiere-fils.fr dans l'annuaire. Vérifiez-la, ou donnez son nom (« annuler » pour abandonner).",
    );
    await client.sendActivity(say('Paul Fontaine'));
    assert.equal(client.dialogTurnResult.result.displayName, 'Paul Fontaine');
  });

  it('says when a name matches nobody, and asks again', async () => {
    const client = await start({ words: ['zorglub'] });
    const reply = await client.sendActivity(say('go'));
    assert.equal(
      reply.text,
      "Je ne trouve personne qui s'appelle « zorglub » dans l'annuaire. Donnez un autre nom ou son adresse e-mail (« annuler » pour abandonner).",
    );
    assert.equal(client.dialogTurnResult.status, 'waiting');
  });

  it('offers, never takes, someone whose name is only close to the one typed (« Victor Durand » → Victor Henry?)', async () => {
    const client = await start({ words: ['victor', 'durand'] });
    const reply = await client.sendActivity(say('go'));
    const card = reply.attachments[0].content;
    assert.match(JSON.stringify(card), /Personne ne s'appelle « victor durand » dans l'annuaire\. Vouliez-vous dire :/);
    assert.match(JSON.stringify(card), /Victor Henry/);
    assert.equal(client.dialogTurnResult.status, 'waiting');
  });

  it('finds a person whose name is typed without its accent (« lea » for Léa Petit)', async () => {
    const client = await start({ words: ['lea'] });
    await client.sendActivity(say('go'));
    assert.equal(client.dialogTurnResult.result?.displayName, 'Léa Petit');
  });

  it('finds a person by the start of their address (« lea.petit »)', async () => {
    const client = await start({ words: ['lea.petit'] });
    await client.sendActivity(say('go'));
    assert.equal(client.dialogTurnResult.result?.displayName, 'Léa Petit');
  });

  it('says when an address is cut short, rather than asking who it is', async () => {
    const client = await start({});
    const reply = await client.sendActivity(say('affecte une licence à julie@lumiere-fils'));
    assert.match(reply.text, /^« julie@lumiere-fils » n'est pas une adresse e-mail complète/);
    await client.sendActivity(say('julie.roux@lumiere-fils.fr'));
    assert.equal(client.dialogTurnResult.result.id, JULIE.id);
  });

  it('says back an answer that names nobody (« licences »), rather than asking the same question again', async () => {
    const client = await start({});
    await client.sendActivity(say('go'));
    const reply = await client.sendActivity(say('licences'));
    assert.equal(reply.text, "« licences » ne désigne personne. De qui s'agit-il ? Donnez son nom ou son adresse e-mail (« annuler » pour abandonner).");
    await client.sendActivity(say('Julie Roux'));
    assert.equal(client.dialogTurnResult.result.id, JULIE.id);
  });

  it('asks who it is when the request named nobody', async () => {
    const client = await start({});
    const reply = await client.sendActivity(say('go'));
    assert.equal(reply.text, "De qui s'agit-il ? Donnez son nom ou son adresse e-mail.");
  });

  it('stops at « annuler » while waiting for a choice, and says nothing was changed', async () => {
    const client = await start({ words: ['jul'] });
    await client.sendActivity(say('go'));
    const reply = await client.sendActivity(say('annuler'));
    assert.equal(reply.text, "C'est annulé : rien n'a été modifié.");
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result, undefined, 'nobody was chosen');
  });

  it("stops when the card's Cancel button is clicked", async () => {
    const client = await start({ words: ['jul'] });
    await client.sendActivity(say('go'));
    await client.sendActivity({ type: 'message', locale: 'fr-FR', from, value: { action: 'cancel' } });
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result, undefined, 'nobody was chosen');
  });

  it('shows the help at « aide » and keeps waiting for the choice', async () => {
    const client = await start({ words: ['jul'] });
    const card = (await client.sendActivity(say('go'))).attachments[0].content;
    const help = await client.sendActivity(say('aide'));
    assert.match(JSON.stringify(help.attachments[0].content), /Ce que je peux faire pour vous/);
    assert.equal(client.dialogTurnResult.status, 'waiting');
    await client.sendActivity({ type: 'message', locale: 'fr-FR', from, value: { pick: 'user', choice: JULIE.id, nonce: card.actions[0].data.nonce } });
    assert.equal(client.dialogTurnResult.result.id, JULIE.id);
  });

  it('answers in English to an English speaker', async () => {
    const client = await start({ words: ['zorglub'] });
    const reply = await client.sendActivity({ type: 'message', text: 'go', locale: 'en-US', from });
    assert.equal(reply.text, 'I can\'t find anyone named "zorglub" in the directory. Give me another name or their email address ("cancel" to stop).');
  });
});

describe('The asker, named in the request', () => {
  const cases: [string, boolean][] = [
    ['donne-moi une licence E3', true],
    ['à moi', true],
    ['moi', true],
    ['for me', true],
    ['give me an E5 license', true],
    ['remove my admin role', true],
    ["retire mon rôle d'administrateur", true],
    // help asked, or someone else
    ['aide-moi à attribuer une licence', false],
    ['help me assign a license', false],
    ['can you show me how to assign a licence', false],
    ['donne une licence à mon collègue', false],
  ];
  for (const [text, self] of cases) it(`« ${text} » ${self ? 'is' : 'is not'} about the asker`, () => assert.equal(namesTheCaller(text), self));
});
