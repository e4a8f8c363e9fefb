import assert from 'node:assert/strict';
import sinon from 'sinon';
import { ADMIN, ORDINARY, seededUser, SKU } from '../support/fixtures';
import { dialogStack, repliesOf } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

const NADIA = seededUser('nadia.benali@lumiere-fils.fr'); // License, User and Privileged Role Administrator
type Reply = { text?: string; attachments?: { content: any }[] };
type Person = { id: string; name: string; aadObjectId: string };
const camille: Person = { id: '29:camille', name: 'Camille Martin', aadObjectId: ADMIN.id };
const nadia: Person = { id: '29:nadia', name: 'Nadia Benali', aadObjectId: NADIA.id };
const lea: Person = { id: '29:lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
const textOf = (reply?: Reply) => reply?.text ?? JSON.stringify(reply?.attachments?.[0]?.content ?? {});

describe('Confirmations and requests in progress', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();
  const writes = () => tenant().requests.filter((r) => r.method !== 'GET');

  /** One conversation (one dialog state, as a test client keeps it) where several people may speak. */
  const conversation = async () => {
    const stack = await dialogStack(tenant().url);
    const client = stack.client();
    const replies = (turn: Promise<unknown>) => repliesOf<Reply>(client, turn);
    const say = (from: Person, text: string) => replies(client.sendActivity({ type: 'message', text, locale: 'fr-FR', from }));
    const click = (from: Person, value: object) => replies(client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, value }));
    return { say, click, audit: stack.audit };
  };
  const confirmCard = (replies: Reply[]) => replies.map((r) => r.attachments?.[0]?.content).find((c) => c?.actions?.[0]?.data?.confirm === 'yes');

  describe('a typed answer', () => {
    /** A chat of the given kind, as Teams marks it. */
    const chatOf = async (conversationType: 'personal' | 'groupChat') => {
      const stack = await dialogStack(tenant().url);
      const client = stack.client();
      const conversation = { id: `${conversationType}-typed`, conversationType, tenantId: 'x', isGroup: conversationType !== 'personal', name: '' };
      const say = (from: Person, text: string) => repliesOf<Reply>(client, client.sendActivity({ type: 'message', text, locale: 'fr-FR', from, conversation }));
      return { say };
    };

    it('« oui » confirms in a one-to-one chat with the asker', async () => {
      const chat = await chatOf('personal');
      assert.ok(confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr')));
      const done = await chat.say(camille, 'oui !');
      assert.match(textOf(done[0]), /C'est fait : Paul Fontaine a maintenant la licence/);
      assert.equal(writes().length, 1);
    });

    it('« oui vas-y » and "yes do it" confirm as « oui » does', async () => {
      const chat = await chatOf('personal');
      assert.ok(confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr')));
      assert.match(textOf((await chat.say(camille, 'oui vas-y'))[0]), /C'est fait : Paul Fontaine a maintenant la licence/);
      assert.ok(confirmCard(await chat.say(camille, 'retire la licence Business Basic de paul.fontaine@lumiere-fils.fr')));
      assert.match(textOf((await chat.say(camille, 'yes do it'))[0]), /^Done: Microsoft 365 Business Basic was removed from Paul Fontaine/);
      assert.equal(writes().length, 2);
    });

    it('"no" declines in a one-to-one chat, and nothing is written', async () => {
      const chat = await chatOf('personal');
      assert.ok(confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr')));
      const declined = await chat.say(camille, 'no');
      assert.match(declined.map(textOf).join(' '), /Nothing was changed/, 'declined, in the language of the answer');
      assert.deepEqual(writes(), []);
    });

    it('« oui » in a group chat confirms nothing: the card alone counts where others see it', async () => {
      const chat = await chatOf('groupChat');
      assert.ok(confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr')));
      const answer = await chat.say(camille, 'oui');
      assert.match(textOf(answer[0]), /répondez avec les boutons de la carte/);
      assert.deepEqual(writes(), []);
    });
  });

  describe('a confirmation acts only for the person it was offered to', () => {
    it('ignores a Confirm sent by someone else in the same conversation, and says whose card it is', async () => {
      const chat = await conversation();
      const card = confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr'));
      const answer = await chat.click(lea, card.actions[0].data);
      assert.equal(answer[0].text, "Cette carte attend la confirmation de Camille Martin : votre clic n'a rien changé.");
      assert.deepEqual(writes(), [], 'nothing was written');
      const done = await chat.click(camille, card.actions[0].data);
      assert.match(done[0].text!, /C'est fait : Paul Fontaine a maintenant la licence Microsoft 365 Business Basic/);
      const [entry] = await chat.audit.recent({ user: 'paul.fontaine', operation: 'license.assign' });
      assert.equal(entry.caller.id, ADMIN.id, 'the audit log names the asker who confirmed');
      const [refusal] = await chat.audit.recent({ user: 'Léa Petit', operation: 'license.assign' });
      assert.equal(refusal.outcome, 'refused', 'the refused click is audited');
      assert.equal(refusal.caller.id, ORDINARY.id);
    });

    it('ignores a Confirm by another administrator too: the card belongs to its asker', async () => {
      const chat = await conversation();
      const card = confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr'));
      const answer = await chat.click(nadia, card.actions[0].data);
      assert.match(answer[0].text!, /attend la confirmation de Camille Martin/);
      assert.deepEqual(writes(), []);
    });

    it("reads the asker's roles again at the click: a role removed meanwhile stops the write", async () => {
      const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      try {
        const chat = await conversation();
        const card = confirmCard(await chat.say(nadia, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr'));
        for (const [id, assignment] of tenant().store.roleAssignments) {
          if (assignment.principalId === NADIA.id) tenant().store.roleAssignments.delete(id);
        }
        clock.tick(61_000); // past the one-minute role cache
        const answer = await chat.click(nadia, card.actions[0].data);
        assert.match(answer[0].text!, /Seul un administrateur peut faire cela \(Administrateur général/);
        assert.deepEqual(writes(), [], 'nothing was written');
        assert.ok(!tenant().store.heldSkus(tenant().store.user('paul.fontaine@lumiere-fils.fr')).has(SKU.basic));
      } finally {
        clock.restore();
      }
    });

    it('says that nothing is waiting when a Confirm arrives with no request in progress', async () => {
      const chat = await conversation();
      const token = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
      const answer = await chat.click(camille, { confirm: 'yes', token, asker: ADMIN.id, askerName: 'Camille Martin' });
      assert.equal(answer[0].text, "Aucune confirmation n'est en attente ici : rien n'a été fait. Refaites votre demande si besoin.");
    });

    it('says a card was already used when it is clicked again after acting', async () => {
      const chat = await conversation();
      const card = confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr'));
      await chat.click(camille, card.actions[0].data);
      const again = await chat.click(camille, card.actions[0].data);
      assert.equal(again[0].text, "Cette carte a déjà servi : l'action n'a pas été refaite.");
      assert.equal(writes().filter((w) => w.path.endsWith('/assignLicense')).length, 1);
    });
  });

  describe('no message is swallowed', () => {
    it('a typed request while a confirmation waits drops it, says so, and answers the new request', async () => {
      const chat = await conversation();
      const card = confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr'));
      const answer = await chat.say(camille, 'combien de licences il nous reste ?');
      assert.equal(answer[0].text, "J'abandonne la demande en cours (rien n'a été modifié) et je passe à votre nouvelle demande.");
      assert.match(textOf(answer[1]), /Licences de Lumière & Fils/);
      const late = await chat.click(camille, card.actions[0].data);
      assert.match(late[0].text!, /Aucune confirmation n'est en attente/);
      assert.deepEqual(writes(), [], 'the dropped request never acts');
    });

    it('a message that is not a request gets the reminder and the card again', async () => {
      const chat = await conversation();
      const card = confirmCard(await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr'));
      const answer = await chat.say(camille, 'hmm attends');
      assert.match(answer[0].text!, /attend votre confirmation/);
      assert.deepEqual(confirmCard(answer)?.actions[0].data, card.actions[0].data, 'the same card, shown again');
    });

    it('a name typed while a confirmation waits is not taken for a new request', async () => {
      const chat = await conversation();
      await chat.say(camille, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr');
      const answer = await chat.say(camille, 'Julie Roux');
      assert.match(answer[0].text!, /attend votre confirmation/);
    });

    it('a typed request after the self-service offer is answered', async () => {
      const chat = await conversation();
      await chat.say(lea, "j'ai oublié mon mot de passe");
      const answer = await chat.say(lea, 'configurer Outlook sur mon iPhone');
      assert.ok(answer.length > 0, 'the bot answered');
      assert.match(textOf(answer[answer.length - 1]), /Outlook/);
    });

    it('a typed request while the bot asks who is meant starts that request', async () => {
      const chat = await conversation();
      const asked = await chat.say(camille, 'affecte une licence Business Basic');
      assert.match(textOf(asked[0]), /À qui attribuer une licence \?/);
      const answer = await chat.say(camille, 'quels sont les rôles de Nadia Benali ?');
      assert.match(answer[0].text!, /J'abandonne la demande en cours/);
      assert.match(textOf(answer[1]), /Nadia Benali/);
    });

    it('a typed request while a plan is to be chosen starts that request; a plan name still answers', async () => {
      const chat = await conversation();
      await chat.say(camille, 'affecte une licence à paul.fontaine@lumiere-fils.fr');
      const named = await chat.say(camille, 'Business Basic');
      assert.ok(confirmCard(named), 'a plan typed answers the chooser');
      const chat2 = await conversation();
      await chat2.say(camille, 'affecte une licence à paul.fontaine@lumiere-fils.fr');
      const answer = await chat2.say(camille, 'liste des administrateurs');
      assert.match(answer[0].text!, /J'abandonne la demande en cours/);
    });
  });
});
