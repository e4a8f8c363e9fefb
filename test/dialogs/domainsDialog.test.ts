import assert from 'node:assert/strict';
import { ADMIN, ORDINARY } from '../support/fixtures';
import { dialogStack, repliesOf } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

type Reply = { text?: string; attachments?: { content: unknown }[] };

describe('Domains, from Graph', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const ask = async (aadObjectId: string, text: string) => {
    const stack = await dialogStack(tenant().url);
    const reply = (await stack.client().sendActivity({ type: 'message', text, locale: 'fr-FR', from: { id: 'u', name: 'x', aadObjectId } })) as Reply;
    return reply.text ?? JSON.stringify(reply.attachments?.[0]?.content);
  };

  it('explains how domains work to someone who cannot manage them, rather than refusing', async () => {
    const answer = await ask(ORDINARY.id, 'utiliser mon domaine avec les boîtes mail');
    assert.match(answer, /Utiliser votre domaine pour les boîtes mail|Acheter un nom de domaine/);
    assert.doesNotMatch(answer, /lumiere-fils\.com/, 'no tenant data for them');
  });

  it('says a domain named is not in the organization, and how to add it', async () => {
    const answer = await ask(ADMIN.id, 'configurer le domaine exemple-inconnu.fr');
    assert.match(answer, /exemple-inconnu\.fr n'est pas \(encore\) ajouté à votre organisation/);
    assert.match(answer, /Paramètres > Domaines > Ajouter un domaine/);
    assert.match(answer, /Ou ici : écrivez « ajoute le domaine exemple-inconnu\.fr »/);
    assert.doesNotMatch(answer, /je ne sais pas encore/, 'the bot adds domains itself');
  });

  it('explains buying a domain when that is the question', async () => {
    const answer = await ask(ADMIN.id, 'acheter un nom de domaine');
    assert.match(answer, /Acheter un nom de domaine et l'ajouter à Microsoft 365/);
  });

  it('takes « notre domaine » for the organisation\'s domain when it has only one ("is our domain set up correctly for email?")', async () => {
    tenant().store.domains.delete('lumiere-fils.com');
    const answer = await ask(ADMIN.id, 'is our domain set up correctly for email?');
    assert.match(answer, /lumiere-fils\.fr/);
    assert.match(answer, /mail\.protection\.outlook\.com/);
  });

  it("shows the default domain's mail records when « notre domaine » is asked about without its name", async () => {
    const answer = await ask(ADMIN.id, "c'est quoi l'enregistrement MX de notre domaine ?");
    assert.match(answer, /lumiere-fils\.fr est vérifié/);
    assert.match(answer, /mail\.protection\.outlook\.com/);
  });

  it('shows the TXT record of the one domain waiting for its verification when asked how to verify, without verifying it', async () => {
    const answer = await ask(ADMIN.id, 'comment on vérifie un domaine ?');
    assert.match(answer, /lumiere-fils\.com est ajouté mais pas encore vérifié/);
    assert.match(answer, /MS=ms/);
    assert.doesNotMatch(answer, /"confirm":"yes"/);
  });

  describe('adding and verifying, confirmed and audited', () => {
    const chat = async () => {
      const stack = await dialogStack(tenant().url);
      const client = stack.client();
      const from = { id: 'u', name: 'Camille Martin', aadObjectId: ADMIN.id };
      const send = async (activity: object) => {
        const replies = await repliesOf<Reply>(client, client.sendActivity({ type: 'message', locale: 'fr-FR', from, ...activity }));
        return replies.map((r) => r.text ?? JSON.stringify(r.attachments?.[0]?.content));
      };
      return { say: (text: string) => send({ text }), click: (value: object) => send({ text: '', value }), audit: stack.audit };
    };
    const confirmOf = (answers: string[]) =>
      (JSON.parse(answers.find((a) => a.includes('"confirm":"yes"'))!) as { actions: { data: object }[] }).actions[0].data;

    it('verifies a domain whose TXT record is published, then shows the records its mail needs', async () => {
      const camille = await chat();
      const asked = await camille.say('vérifie lumiere-fils.com');
      assert.match(asked.join(' '), /Vérifier le domaine lumiere-fils\.com \?/);
      assert.match(asked.join(' '), /MS=ms\d+/, 'the card shows the record Microsoft will look for');
      assert.equal(tenant().store.domain('lumiere-fils.com').isVerified, false, 'nothing before the confirmation');
      const done = (await camille.click(confirmOf(asked))).join(' ');
      assert.match(done, /lumiere-fils\.com est vérifié/);
      assert.match(done, /lumiere-fils-com\.mail\.protection\.outlook\.com/);
      assert.equal(tenant().store.domain('lumiere-fils.com').isVerified, true);
      const [entry] = await camille.audit.recent({ operation: 'domain.verify' });
      assert.equal(entry.outcome, 'succeeded');
      assert.equal(entry.target, 'lumiere-fils.com');
    });

    it('adds a domain, shows its TXT record, and says which record is missing when verification fails', async () => {
      const camille = await chat();
      const asked = await camille.say('ajoute le domaine atelier-lumiere.fr');
      assert.match(asked.join(' '), /Ajouter le domaine atelier-lumiere\.fr à votre organisation \?/);
      const added = (await camille.click(confirmOf(asked))).join(' ');
      assert.match(added, /atelier-lumiere\.fr est ajouté/);
      assert.match(added, /TXT — hôte @/);
      const code = /MS=ms\d+/.exec(added)![0];
      const verify = await camille.say('vérifie atelier-lumiere.fr');
      const failed = (await camille.click(confirmOf(verify))).join(' ');
      assert.match(failed, new RegExp(`Microsoft ne trouve pas encore l'enregistrement TXT ${code} dans le DNS d'atelier-lumiere\\.fr`));
      assert.match(failed, /Rien n'a été modifié/);
      const [entry] = await camille.audit.recent({ operation: 'domain.verify' });
      assert.equal(entry.outcome, 'failed');
    });
  });
});
