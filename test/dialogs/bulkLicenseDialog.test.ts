import assert from 'node:assert/strict';
import { ADMIN, seededUser, SKU } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';
import { groupWords, isBulk } from '../../dialogs/licences/bulkLicenseDialog';
import { extractEntities } from '../../bot/nlu/entities';

const from = { id: 'u', name: 'Camille Martin', aadObjectId: ADMIN.id };
type Reply = { text?: string; attachments?: { content: any }[] };
const cardText = (reply: Reply) => JSON.stringify(reply.attachments?.[0]?.content ?? reply.text);

describe('Bulk licence changes by chat', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const conversation = async () => {
    const client = (await dialogStack(tenant().url)).client();
    const say = (text: string) => client.sendActivity({ type: 'message', text, locale: 'fr-FR', from }) as Promise<Reply>;
    const click = (data: object) => client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, value: data }) as Promise<Reply>;
    return { client, say, click, next: () => client.getNextReply() as Reply };
  };
  const holds = (upn: string, skuId: string) => tenant().store.heldSkus(tenant().store.user(upn)).has(skuId);

  it('recognises a request about several people or a group', () => {
    const bulk = (text: string) => isBulk({ text, intent: 'license.assign', score: 1, entities: extractEntities(text) });
    assert.equal(bulk('affecte E3 à a@lumiere-fils.fr et b@lumiere-fils.fr'), true);
    assert.equal(bulk("affecte Business Basic à l'équipe commerciale"), true);
    assert.equal(bulk('assign basic to the sales team'), true);
    assert.equal(bulk('affecte E3 à a@lumiere-fils.fr'), false);
    assert.deepEqual(groupWords("affecte Business Basic à l'équipe commerciale stp"), ['commerciale']);
    assert.deepEqual(groupWords('assign basic to the sales team'), ['sales']);
  });

  it('assigns a plan to a list of addresses after one confirmation, and reports each person', async () => {
    const chat = await conversation();
    const first = await chat.say('affecte une licence Business Basic à julie.roux@lumiere-fils.fr, paul.fontaine@lumiere-fils.fr et personne@lumiere-fils.fr');
    assert.equal(first.text, 'Adresses inconnues, ignorées : personne@lumiere-fils.fr.');
    const confirm = chat.next().attachments![0].content;
    assert.match(JSON.stringify(confirm), /Attribuer Microsoft 365 Business Basic à 2 personnes/);
    // One card in the conversation: posted as progress, then updated in place into the report.
    const report = cardText(await chat.click(confirm.actions[0].data));
    assert.equal(chat.next(), undefined, 'no second message');
    assert.match(report, /Terminé : 2 réussites, 0 échec sur 2/);
    assert.match(report, /julie.roux@lumiere-fils.fr, paul.fontaine@lumiere-fils.fr/);
    assert.ok(holds('julie.roux@lumiere-fils.fr', SKU.basic) && holds('paul.fontaine@lumiere-fils.fr', SKU.basic));
  });

  it('« détail du rapport » lists every person of the last bulk job with what happened, and says when there is none', async () => {
    const chat = await conversation();
    const confirm = (await chat.say('affecte une licence Business Basic à julie.roux@lumiere-fils.fr et hugo.lambert@lumiere-fils.fr')).attachments![0].content;
    await chat.click(confirm.actions[0].data);
    const detail = (await chat.say('détail du rapport')).text ?? '';
    assert.match(detail, /^\*\*Attribution de Microsoft 365 Business Basic\*\* : page 1 sur 1 \(2 sur 2 personnes traitées\)\./);
    assert.match(detail, /- julie\.roux@lumiere-fils\.fr : fait/);
    assert.match(detail, /- hugo\.lambert@lumiere-fils\.fr : L'utilisateur n'a pas d'emplacement d'utilisation/);
    const other = await dialogStack(tenant().url);
    const someoneElse = (await other.client().sendActivity({
      type: 'message',
      text: 'détail du rapport',
      locale: 'fr-FR',
      from: { id: 'v', name: 'Nadia Benali', aadObjectId: seededUser('nadia.benali@lumiere-fils.fr').id },
    })) as Reply;
    assert.equal(
      someoneElse.text,
      "Vous n'avez lancé aucun changement de licences en masse : il n'y a pas de rapport à détailler.",
      'only the asker’s own jobs',
    );
  });

  it('names who failed and why, without hiding who succeeded', async () => {
    const chat = await conversation();
    const confirm = (await chat.say('affecte une licence Business Basic à julie.roux@lumiere-fils.fr et hugo.lambert@lumiere-fils.fr')).attachments![0].content;
    const report = cardText(await chat.click(confirm.actions[0].data));
    assert.match(report, /1 réussite, 1 échec/);
    assert.match(report, /pas d'emplacement d'utilisation.*hugo.lambert@lumiere-fils.fr/, 'the reason, then who it struck');
    assert.match(report, /Réussi pour.*julie.roux@lumiere-fils.fr/);
  });

  it('refuses before acting when the plan has fewer free units than people', async () => {
    const chat = await conversation();
    const reply = await chat.say("affecte une licence Business Basic à l'équipe commerciale");
    assert.equal(
      reply.text,
      "Il n'y a que 4 licences Microsoft 365 Business Basic disponibles pour 5 personnes : achetez-en ou réduisez la liste. Rien n'a été fait.",
    );
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('finds the people of a department', async () => {
    const chat = await conversation();
    const confirm = (await chat.say('affecte une licence Office 365 E5 au service Juridique')).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Attribuer Office 365 E5 à 1 personne/);
    assert.match(JSON.stringify(confirm), /Pauline Noël/);
  });

  it('finds the people of a department named as people say it (« tout le monde en Finance », "from the Ventes department")', async () => {
    for (const [text, expected] of [
      ['give an E3 license to everyone in Finance', /Paul Fontaine/],
      ['donne une licence E3 à tout le monde en Finance', /Julie Roux/],
      ['remove Business Standard from the Ventes department', /Victor Henry/],
      // the plan named after the department: the name stops where the plan starts
      ['give everyone in Finance a Business Basic license', /Paul Fontaine/],
      ['donne une licence E3 à tout le monde du service Ventes', /pour 7 personnes/],
    ] as const) {
      const reply = await (await conversation()).say(text);
      assert.match(JSON.stringify(reply.attachments?.[0]?.content ?? reply.text), expected, text);
    }
  });

  it('finds the members of a group by its name', async () => {
    const chat = await conversation();
    const confirm = (await chat.say("retire la licence Office 365 E3 à l'équipe commerciale")).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Retirer Office 365 E3 à 5 personnes/);
    assert.match(JSON.stringify(confirm), /Équipe Commerciale/);
  });

  it("takes « l'équipe Direction » for the department when no group has that name, and says when neither exists", async () => {
    const confirm = (await (await conversation()).say("retire les licences E5 de toute l'équipe direction")).attachments![0].content;
    assert.match(JSON.stringify(confirm), /Retirer Office 365 E5 à 4 personnes/);
    assert.match(JSON.stringify(confirm), /"Direction"/);
    assert.equal((await (await conversation()).say("retire E3 à l'équipe fantôme")).text, 'Je ne trouve ni groupe ni service « fantome ».');
  });

  it('says a change of plan is made one person at a time, and how the admin center does it for many, changing nothing', async () => {
    const reply = await (await conversation()).say('passe tout le service Marketing en Business Premium');
    assert.match(reply.text!, /^Je change la licence d'une personne à la fois/);
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });
});
