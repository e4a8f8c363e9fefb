import assert from 'node:assert/strict';
import { ADMIN, ORDINARY, seededUser } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';
import { MainDialogTestCase, mainDialogTestCases } from './testData/mainDialogTestCases';

const CARD_MARKS: Record<string, (text: string) => boolean> = {
  licenseInventory: (text) => text.includes('ColumnSet'),
  help: (text) => text.includes('FactSet'),
  knowledgeArticle: (text) => text.includes('Action.OpenUrl') || text.includes('"article"'),
  fallback: (text) => text.includes('"action":"help"'),
  serviceHealth: (text) => text.includes('"action":"incident.declare"'),
  domains: (text) => text.includes('#/Domains'),
};

describe('Main dialog', () => {
  const { tenant } = useDemoTenant();
  const stack = (recognized?: MainDialogTestCase['recognized'], text = '') =>
    dialogStack(tenant().url, undefined, undefined, recognized ? { recognized: { [text]: recognized } } : {});

  for (const testCase of mainDialogTestCases) {
    it(testCase.name, async () => {
      const activity =
        typeof testCase.utterance === 'string' ? { type: 'message', text: testCase.utterance } : { type: 'message', text: '', value: testCase.utterance.value };
      const reply = await (
        await stack(testCase.recognized, activity.text)
      )
        .client()
        .sendActivity({ ...activity, locale: testCase.locale, from: { id: 'u', name: 'Camille', aadObjectId: ADMIN.id } });
      const card = reply?.attachments?.[0]?.content;
      assert.ok(card, `the reply carries a card: ${JSON.stringify(reply)}`);
      const text = JSON.stringify(card);
      assert.ok(CARD_MARKS[testCase.card](text), `it is the ${testCase.card} card: ${text.slice(0, 300)}`);
      for (const expected of testCase.says) assert.match(text, expected);
      for (const unexpected of testCase.saysNot ?? []) assert.doesNotMatch(text, unexpected);
    });
  }

  it('answers thanks, an « ok » or « qui es-tu ? » in a sentence, with no « nothing to cancel » or « not understood »', async () => {
    const client = (await stack()).client();
    const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
    assert.equal(
      (await client.sendActivity({ type: 'message', text: 'merci beaucoup !', locale: 'fr-FR', from })).text,
      "Avec plaisir ! Écrivez-moi quand vous avez besoin d'autre chose.",
    );
    assert.match((await client.sendActivity({ type: 'message', text: 'got it', locale: 'en-US', from })).text, /^Great\. I'm here/);
    assert.match((await client.sendActivity({ type: 'message', text: 'qui es-tu ?', locale: 'fr-FR', from })).text, /^Je suis Assistant Admin 365/);
  });

  it("says goodbye to « merci, c'est tout » and \"thanks, that's all\", in the writer's language", async () => {
    const client = (await stack()).client();
    const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
    assert.match((await client.sendActivity({ type: 'message', text: "merci, c'est tout", locale: 'fr-FR', from })).text, /^Au revoir, et bonne journée/);
    assert.match((await client.sendActivity({ type: 'message', text: "thanks, that's all", locale: 'en-US', from })).text, /^Goodbye, have a good day/);
  });

  it('says in French and English which languages it reads, to a request in another one (« ayuda por favor… », Cyrillic)', async () => {
    const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
    for (const text of ['ayuda por favor, no puedo entrar a mi correo', 'Привет, мне нужна помощь']) {
      const reply = await (await stack()).client().sendActivity({ type: 'message', text, locale: 'fr-FR', from });
      assert.match(reply.text, /Je comprends (le français et l'anglais|l'anglais et le français)/);
      assert.match(reply.text, /I understand (French and English|English and French)/);
    }
  });

  it('does nothing for an order given in the negative (« ne donne pas de licence à Paul », "don\'t reset Julie\'s password")', async () => {
    const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
    const client = (await stack()).client();
    assert.match(
      (await client.sendActivity({ type: 'message', text: 'ne donne pas de licence à Paul', locale: 'fr-FR', from })).text,
      /^D'accord : je ne fais rien/,
    );
    assert.match(
      (await client.sendActivity({ type: 'message', text: "don't reset Julie's password", locale: 'en-US', from })).text,
      /^OK: I won't do anything/,
    );
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('says where administration it does not do is done (renaming, Teams channels and members, groups), and does nothing', async () => {
    const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
    const client = (await stack()).client();
    const said = async (text: string, locale = 'fr-FR') => (await client.sendActivity({ type: 'message', text, locale, from })).text as string;
    assert.match(await said('renomme le compte de Julie Roux'), /^Je ne renomme pas les comptes\..*Gérer les informations de contact/);
    assert.match(await said("change Julie Roux's display name", 'en-US'), /^I don't rename accounts\./);
    assert.match(await said('create a new Teams channel for the project', 'en-US'), /^I don't manage teams in Teams\./);
    assert.match(await said('ajoute-moi au groupe Direction'), /^Je ne gère pas les groupes ni les listes de diffusion\./);
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('shows what it can do to someone who says they are lost (« je suis perdu » is no forgotten password)', async () => {
    const client = (await stack()).client();
    const reply = await client.sendActivity({ type: 'message', text: "I'm lost", locale: 'en-US', from: { id: 'u', name: 'Camille', aadObjectId: ADMIN.id } });
    assert.match(JSON.stringify(reply.attachments?.[0]?.content), /What I can do for you/);
  });

  it('shows the help card for a bare @mention, and asks for words when only a picture is sent', async () => {
    const from = { id: 'u', name: 'Camille', aadObjectId: ADMIN.id };
    const mention = await (await stack()).client().sendActivity({ type: 'message', text: '', locale: 'fr-FR', from });
    assert.match(JSON.stringify(mention.attachments?.[0]?.content), /Ce que je peux faire pour vous/);
    const picture = await (await stack()).client().sendActivity({
      type: 'message',
      text: '',
      locale: 'fr-FR',
      from,
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }],
    });
    assert.equal(picture.text, 'Je ne lis ni les images ni les fichiers : décrivez-moi votre demande en quelques mots.');
  });

  it('ends after answering, so the next message starts afresh', async () => {
    const client = (await stack()).client();
    await client.sendActivity({ type: 'message', text: 'licences', locale: 'fr-FR', from: { id: 'u', name: 'Camille', aadObjectId: ADMIN.id } });
    assert.equal(client.dialogTurnResult.status, 'complete');
  });

  it('says there is nothing to cancel when nothing is in progress', async () => {
    const reply = await (await stack()).client().sendActivity({ type: 'message', text: 'annuler', locale: 'fr-FR' });
    assert.equal(reply.text, "Il n'y a rien à annuler.");
  });

  it('says how to undo a change already made, rather than that there is nothing to cancel', async () => {
    const reply = await (await stack()).client().sendActivity({ type: 'message', text: 'undo that', locale: 'en-US' });
    assert.match(reply.text!, /^A change already made can't be canceled: ask me for the opposite/);
  });

  describe('help card, by the roles the caller holds in Entra', () => {
    const helpFor = async (aadObjectId: string) =>
      JSON.stringify(
        (await (await stack()).client().sendActivity({ type: 'message', text: 'aide', locale: 'fr-FR', from: { id: 'u', name: 'Caller', aadObjectId } }))
          .attachments[0].content,
      );

    it('shows a Global Administrator the licence and administrator capabilities', async () => {
      const text = await helpFor(ADMIN.id);
      assert.match(text, /Avec vos rôles \(Administrateur général\)/);
      assert.match(text, /Voir les licences/);
      assert.match(text, /Créer un administrateur/);
    });

    it('shows a user without a role only what is open to everyone, and says why', async () => {
      const text = await helpFor(ORDINARY.id);
      assert.doesNotMatch(text, /Voir les licences/);
      assert.match(text, /pas de rôle d'administrateur/);
      assert.match(text, /Déclarer un incident/);
    });

    it("gives a Helpdesk Administrator the example of resetting someone else's password, and a user their own", async () => {
      assert.match(await helpFor(seededUser('julien.moreau@lumiere-fils.fr').id), /réinitialise le mot de passe de Léa Petit/);
      assert.doesNotMatch(await helpFor(ORDINARY.id), /réinitialise le mot de passe de Léa Petit/);
    });

    it('still helps when the roles cannot be read', async () => {
      tenant().faults.configure({ rules: [{ status: 500, count: 10, path: 'roleManagement' }] });
      const text = await helpFor(ADMIN.id);
      assert.match(text, /Je n'ai pas pu lire vos rôles/);
      assert.match(text, /Pour tout le monde/);
    });
  });
});
