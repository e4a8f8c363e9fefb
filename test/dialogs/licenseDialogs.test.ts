import assert from 'node:assert/strict';
import { periodStart } from '../../dialogs/audit/auditLogDialog';
import { rootCause, RoleRequired } from '../../bot/policy/errors';
import { ADMIN, GROUP_LICENSED, NO_USAGE_LOCATION, ORDINARY, seededUser, SKU } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

const PAUL = seededUser('paul.fontaine@lumiere-fils.fr'); // Office 365 E3, direct
const JULIE = seededUser('julie.roux@lumiere-fils.fr'); // Business Standard, direct
const asAdmin = { id: 'u', name: 'Camille Martin', aadObjectId: ADMIN.id };

type Reply = { text?: string; attachments?: { content: any }[] };
const cardOf = (reply: Reply) => reply.attachments?.[0]?.content;
const textOf = (reply: Reply) => reply.text ?? JSON.stringify(cardOf(reply) ?? {});

describe('Licences by chat', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  /** A conversation with the main dialog as Camille (Global Administrator), in French. */
  const conversation = async (from = asAdmin) => {
    const stack = await dialogStack(tenant().url);
    const client = stack.client();
    const say = (text: string) => client.sendActivity({ type: 'message', text, locale: 'fr-FR', from }) as Promise<Reply>;
    const click = (data: object) => client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, value: data }) as Promise<Reply>;
    /** Clicks Confirm on a confirmation card. */
    const confirm = (card: any) => click(card.actions[0].data);
    /** Picks a value on a choice card. */
    const pick = (card: any, choice: string) => click({ ...card.actions[0].data, choice });
    return { say, click, confirm, pick, audit: stack.audit };
  };
  const skusOf = async (userId: string) => {
    const user = tenant().store.user(userId);
    return [...tenant().store.heldSkus(user)];
  };
  const writes = () => tenant().requests.filter((r) => r.method !== 'GET');

  describe('assigning', () => {
    it('assigns the plan named, after a confirmation card, and says how many units are left', async () => {
      const chat = await conversation();
      const card = cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr'));
      assert.match(JSON.stringify(card), /Attribuer Microsoft 365 Business Basic à Léa Petit \?/);
      assert.deepEqual(writes(), [], 'nothing is written before the confirmation');
      const done = await chat.confirm(card);
      assert.equal(
        done.text,
        "C'est fait : Léa Petit a maintenant la licence Microsoft 365 Business Basic. Il reste 3 licences Microsoft 365 Business Basic disponibles.",
      );
      assert.ok((await skusOf(ORDINARY.id)).includes(SKU.basic));
    });

    it('writes who, what, target, outcome, Graph request id and correlation id to the audit log', async () => {
      const chat = await conversation();
      await chat.confirm(cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr')));
      const [entry] = await chat.audit.recent({ user: 'lea.petit' });
      assert.equal(entry.operation, 'license.assign');
      assert.equal(entry.outcome, 'succeeded');
      assert.equal(entry.caller.id, ADMIN.id);
      assert.equal(entry.target, 'lea.petit@lumiere-fils.fr');
      assert.deepEqual(entry.parameters, { sku: 'O365_BUSINESS_ESSENTIALS' });
      assert.match(entry.graphRequestId!, /^[0-9a-f-]{36}$/);
      assert.ok(tenant().requests.some((r) => r.path.endsWith('/assignLicense')));
      assert.match(entry.correlationId, /^[0-9a-f-]{36}$/);
    });

    it('offers the plans with their free units when the request names none', async () => {
      const chat = await conversation();
      const chooser = cardOf(await chat.say('donne une licence à Léa Petit'));
      const text = JSON.stringify(chooser);
      assert.match(text, /Quelle licence attribuer à Léa Petit/);
      assert.match(text, /Microsoft 365 Business Basic \(4 disponibles\)/);
      const confirmCard = cardOf(await chat.pick(chooser, SKU.e5));
      assert.match(JSON.stringify(confirmCard), /Attribuer Office 365 E5 à Léa Petit/);
    });

    it('says when the tenant has no such plan, and offers the ones it has', async () => {
      const chat = await conversation();
      const first = await chat.say('affecte une licence Microsoft 365 E5 à lea.petit@lumiere-fils.fr');
      assert.equal(first.text, "Votre organisation n'a pas d'abonnement « Microsoft 365 E5 ». Voici ceux qu'elle a :");
    });

    it('says so for a plan name it has never heard of (« E7 », « Netflix »), and offers the ones the tenant has', async () => {
      const chat = await conversation();
      const e7 = await chat.say('une licence E7 pour Léa Petit stp');
      assert.equal(e7.text, "Votre organisation n'a pas d'abonnement « E7 ». Voici ceux qu'elle a :");
      const netflix = await (await conversation()).say('donne un abonnement Netflix à Léa Petit');
      assert.equal(netflix.text, "Votre organisation n'a pas d'abonnement « Netflix ». Voici ceux qu'elle a :");
    });

    it('says so for an unknown plan a change goes to ("switch Julie Roux to E9")', async () => {
      const stack = await dialogStack(tenant().url);
      const reply = await stack.client().sendActivity({ type: 'message', text: 'switch Julie Roux to E9', locale: 'en-US', from: asAdmin });
      assert.equal(reply.text, 'Your organization doesn\'t have a "E9" subscription. Here are the ones it has:');
    });

    it('says nothing of the kind when no plan is named (« sa licence », « une nouvelle licence »)', async () => {
      for (const text of ['donne à Léa Petit sa licence', 'affecte une nouvelle licence à Léa Petit']) {
        const reply = await (await conversation()).say(text);
        assert.equal(reply.text, undefined, text);
        assert.match(JSON.stringify(reply.attachments?.[0]?.content), /Quelle licence attribuer à Léa Petit/);
      }
    });

    it('reads « E3 » as the one E3 plan the tenant holds', async () => {
      const chat = await conversation();
      const card = cardOf(await chat.say('affecte une licence E3 à lea.petit@lumiere-fils.fr'));
      assert.match(JSON.stringify(card), /Attribuer Office 365 E3 à Léa Petit/);
    });

    it('refuses a plan with no free unit before calling Graph, naming the plan and the person, with no support reference (nothing went wrong)', async () => {
      const chat = await conversation();
      const reply = await chat.say('affecte une licence Business Premium à lea.petit@lumiere-fils.fr');
      assert.equal(
        textOf(reply),
        "Il ne reste aucune licence Microsoft 365 Business Premium disponible : je ne peux pas en attribuer une à Léa Petit. Rien n'a été fait. Achetez-en d'autres, ou retirez-en une à quelqu'un qui n'en a plus besoin.",
      );
      assert.deepEqual(writes(), []);
    });

    it('gives licences one person at a time, and says how to find and license everyone who has none', async () => {
      for (const text of ["mets une licence à tous ceux qui n'en ont pas", 'give a license to everyone without one']) {
        const reply = await (await conversation()).say(text);
        assert.match(textOf(reply), /J'attribue une licence à une personne à la fois|I assign licenses one person at a time/, text);
      }
      assert.deepEqual(writes(), []);
    });

    it('asks for the usage location when the user has none, and sets it with the licence', async () => {
      const chat = await conversation();
      const countries = cardOf(await chat.say(`affecte une licence Business Basic à ${NO_USAGE_LOCATION.userPrincipalName}`));
      assert.match(JSON.stringify(countries), /Hugo Lambert n'a pas d'emplacement d'utilisation/);
      const confirmCard = cardOf(await chat.pick(countries, 'BE'));
      assert.match(JSON.stringify(confirmCard), /Emplacement d'utilisation \(à renseigner\).*Belgique/);
      await chat.confirm(confirmCard);
      assert.equal(tenant().store.user(NO_USAGE_LOCATION.id).usageLocation, 'BE');
      assert.ok((await skusOf(NO_USAGE_LOCATION.id)).includes(SKU.basic));
    });

    it('says when the user already holds the plan', async () => {
      const chat = await conversation();
      const reply = await chat.say('affecte une licence Business Standard à julie.roux@lumiere-fils.fr');
      assert.equal(reply.text, 'Julie Roux a déjà la licence Microsoft 365 Business Standard : rien à faire.');
    });

    it('says when the address is unknown', async () => {
      const chat = await conversation();
      const reply = await chat.say('affecte une licence Business Basic à personne@lumiere-fils.fr');
      assert.match(reply.text ?? '', /^Je ne trouve personne avec l'adresse personne@lumiere-fils\.fr dans l'annuaire\./);
    });

    it('acts once when Confirm is clicked twice', async () => {
      const chat = await conversation();
      const card = cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr'));
      await chat.confirm(card);
      const second = await chat.confirm(card);
      assert.equal(second.text, "Cette carte a déjà servi : l'action n'a pas été refaite.");
      assert.equal(writes().filter((r) => r.path.endsWith('/assignLicense')).length, 1);
    });

    it('does nothing when Cancel is clicked', async () => {
      const chat = await conversation();
      const card = cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr'));
      const reply = await chat.click(card.actions[1].data);
      assert.equal(reply.text, 'Très bien, je ne change rien.');
      assert.deepEqual(writes(), []);
    });

    it('reports a Graph failure in words, and says nothing changed only once it has read the licences back', async () => {
      tenant().faults.configure({ rules: [{ status: 500, count: 1, path: 'assignLicense$' }] });
      const chat = await conversation();
      const reply = await chat.confirm(cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr')));
      assert.match(
        reply.text!,
        /Microsoft 365 n'a pas confirmé la modification ; j'ai vérifié dans votre organisation : elle n'a pas été faite, rien n'a été modifié\./,
      );
      assert.ok(!(await skusOf(ORDINARY.id)).includes(SKU.basic));
      const [entry] = await chat.audit.recent({ user: 'lea.petit', operation: 'license.assign' });
      assert.equal(entry.outcome, 'failed');
      assert.ok(entry.graphRequestId);
    });

    it('explains a 403 from Graph as missing rights', async () => {
      tenant().faults.configure({ rules: [{ status: 403, count: 1, path: 'assignLicense$' }] });
      const chat = await conversation();
      const reply = await chat.confirm(cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr')));
      assert.match(reply.text!, /Cette opération est refusée/);
    });

    it('is refused to a caller without a licence role, before anything else', async () => {
      const chat = await conversation({ id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id });
      await assert.rejects(
        chat.say('affecte une licence Business Basic à julie.roux@lumiere-fils.fr'),
        (error: unknown) => rootCause(error) instanceof RoleRequired,
      );
      assert.deepEqual(writes(), []);
    });

    it('shows the inventory only to the roles that read licences (SECURITY.md), by typed request or by its button', async () => {
      const lea = { id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id };
      for (const ask of [
        (chat: Awaited<ReturnType<typeof conversation>>) => chat.say('licences'),
        (chat: Awaited<ReturnType<typeof conversation>>) => chat.click({ action: 'license.list' }),
      ]) {
        await assert.rejects(ask(await conversation(lea)), (error: unknown) => {
          const cause = rootCause(error);
          return cause instanceof RoleRequired && String(cause.params.roles).includes('Global Reader');
        });
      }
    });

    it("starts from the inventory card's Assign button with the plan already chosen", async () => {
      const chat = await conversation();
      const reply = await chat.click({ action: 'license.assign', sku: 'O365_BUSINESS_ESSENTIALS' });
      assert.equal(reply.text, 'À qui attribuer une licence ? Donnez son nom ou son adresse e-mail.');
      const card = cardOf(await chat.say('Léa Petit'));
      assert.match(JSON.stringify(card), /Attribuer Microsoft 365 Business Basic à Léa Petit/);
    });
  });

  describe('who holds a plan', () => {
    it('lists the people who hold the plan named, directly or through a group, and changes nothing', async () => {
      const card = cardOf(await (await conversation()).say('qui a une licence Business Standard ?'));
      const text = JSON.stringify(card);
      assert.match(text, /Qui a Microsoft 365 Business Standard \?/);
      assert.match(text, /14 personnes/);
      assert.match(text, /Julie Roux/);
      assert.match(text, /Antoine Mercier/, 'a licence from a group counts');
      assert.doesNotMatch(text, /Paul Fontaine/);
      assert.deepEqual(writes(), []);
    });

    it('reads the question in English, whatever the classifier makes of it ("who has an E5 licence?")', async () => {
      const text = JSON.stringify(cardOf(await (await conversation()).say('who has an E5 licence?')));
      assert.match(text, /Office 365 E5/);
      assert.match(text, /Nadia Benali/);
      assert.match(text, /Sophie Laurent/);
    });

    it('says when the organisation has no subscription to the plan named', async () => {
      assert.equal(
        (await (await conversation()).say('liste des utilisateurs E1')).text,
        "Votre organisation n'a pas d'abonnement « Office 365 E1 » : personne ne peut en avoir.",
      );
    });

    it('lists the enabled accounts that hold no licence (« utilisateurs sans licence », "who doesn\'t have a license?")', async () => {
      for (const question of ['liste des utilisateurs sans licence', "who doesn't have a license?"]) {
        const text = JSON.stringify(cardOf(await (await conversation()).say(question)));
        assert.match(text, /Qui n'a aucune licence \?|Who has no license\?/);
        assert.match(text, /Hugo Lambert/);
        assert.doesNotMatch(text, /Victor Henry/, 'a disabled account is left out');
      }
    });

    it('is refused to someone who holds none of the roles that read licences', async () => {
      const lea = { id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id };
      await assert.rejects((await conversation(lea)).say('qui a une licence E5 ?'), (error: unknown) => rootCause(error) instanceof RoleRequired);
    });
  });

  describe("a person's licences", () => {
    it('says which plans someone holds, and which group one comes from', async () => {
      assert.equal((await (await conversation()).say('quelles licences a Paul Fontaine ?')).text, 'Paul Fontaine a cette licence : Office 365 E3.');
      assert.equal(
        (await (await conversation()).say(`licences de ${GROUP_LICENSED.userPrincipalName}`)).text,
        'Antoine Mercier a cette licence : Microsoft 365 Business Standard (par le groupe « Équipe Commerciale »).',
      );
      assert.equal(
        (await (await conversation()).say('licences de Hugo Lambert')).text,
        "Hugo Lambert n'a aucune licence. Pour lui en attribuer une : « donne une licence à Hugo Lambert ».",
      );
      assert.deepEqual(writes(), []);
    });

    it('answers a question about what someone lacks with their plans (« pourquoi Paul n\'a pas Teams ? », "why doesn\'t Hugo have Outlook?")', async () => {
      assert.equal((await (await conversation()).say("pourquoi Paul Fontaine n'a pas Teams ?")).text, 'Paul Fontaine a cette licence : Office 365 E3.');
      assert.match((await (await conversation()).say("why doesn't Hugo Lambert have Outlook?")).text!, /^Hugo Lambert (n'a aucune licence|has no license)/);
      assert.deepEqual(writes(), []);
    });

    it('searches the directory once for the person named', async () => {
      await (await conversation()).say('quelles licences a Paul Fontaine ?');
      assert.equal(tenant().requests.filter((r) => r.method === 'GET' && r.path === '/users').length, 1);
    });

    it('shows the inventory when the words of the question name nobody ("how many licences are we sitting on")', async () => {
      const reply = await (await conversation()).say('how many licences are we sitting on at the moment');
      assert.match(JSON.stringify(cardOf(reply)), /Licences de Lumière & Fils|Lumière & Fils licenses/);
    });

    it("tells anyone their own plans, no role needed (« quelles sont mes licences ? », « j'ai quelle licence ? »)", async () => {
      const lea = { id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id };
      assert.equal((await (await conversation(lea)).say('quelles sont mes licences ?')).text, 'Vous avez cette licence : Microsoft 365 Business Standard.');
      assert.equal((await (await conversation(lea)).say("j'ai quelle licence ?")).text, 'Vous avez cette licence : Microsoft 365 Business Standard.');
      assert.match(
        (await (await conversation(lea)).say("Teams me dit que je n'ai pas de licence")).text!,
        /^Vous avez cette licence : Microsoft 365 Business Standard\. Si une application vous dit le contraire/,
      );
      assert.deepEqual(writes(), []);
    });

    it('is refused, like the inventory, to someone who holds none of the roles that read licences', async () => {
      const lea = { id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id };
      await assert.rejects((await conversation(lea)).say('quelles licences a Paul Fontaine ?'), (error: unknown) => rootCause(error) instanceof RoleRequired);
    });
  });

  it('says a licence moved from one person to another is two requests, and does nothing (« prends la licence de Paul et donne-la à Julie »)', async () => {
    for (const text of [
      'prends la licence de Paul Fontaine et donne-la à Julie Roux',
      'transfère la licence de Paul Fontaine à Julie Roux',
      "swap Paul Fontaine's license over to Julie Roux",
    ])
      assert.match(textOf(await (await conversation()).say(text)), /(en deux demandes|in two requests)/, text);
    assert.deepEqual(writes(), []);
  });

  it("says one person's plan replaced is one request (« retire la licence de Paul et donne-lui une E5 »), and does nothing", async () => {
    assert.match(textOf(await (await conversation()).say('retire la licence de Paul Fontaine et donne-lui une E5')), /une seule demande suffit/);
    assert.deepEqual(writes(), []);
  });

  describe('for oneself', () => {
    it('takes « moi » in the request as the asker (« donne-moi une licence E3 »)', async () => {
      const card = cardOf(await (await conversation()).say('donne-moi une licence E3'));
      assert.match(JSON.stringify(card), /Attribuer Office 365 E3 à Camille Martin \?/);
    });

    it('takes « moi » typed when asked who as the asker', async () => {
      const chat = await conversation();
      assert.match(textOf(await chat.say('attribue une licence Business Basic')), /À qui attribuer une licence \?/);
      assert.match(JSON.stringify(cardOf(await chat.say('moi'))), /Attribuer Microsoft 365 Business Basic à Camille Martin \?/);
    });

    it('does not take « mon collègue » for the asker', async () => {
      assert.match(textOf(await (await conversation()).say('donne une licence E3 à mon collègue')), /À qui attribuer une licence \?/);
    });
  });

  describe('removing', () => {
    it('removes the plan named, after confirmation, and frees the unit', async () => {
      const chat = await conversation();
      const card = cardOf(await chat.say('retire la licence Business Standard de julie.roux@lumiere-fils.fr'));
      const done = await chat.confirm(card);
      assert.match(done.text!, /la licence Microsoft 365 Business Standard est retirée à Julie Roux\. 7 licences/);
      assert.deepEqual(await skusOf(JULIE.id), []);
    });

    it('explains that a licence from a group cannot be removed directly, naming the group', async () => {
      const chat = await conversation();
      const reply = await chat.say(`retire la licence Business Standard de ${GROUP_LICENSED.userPrincipalName}`);
      assert.match(reply.text!, /vient du groupe « Équipe Commerciale »/);
      assert.deepEqual(writes(), []);
    });

    it('says when the user holds no licence', async () => {
      const chat = await conversation();
      const reply = await chat.say(`retire la licence de ${NO_USAGE_LOCATION.userPrincipalName}`);
      assert.equal(reply.text, "Hugo Lambert n'a aucune licence.");
    });
  });

  describe('upgrading and downgrading', () => {
    it('moves Paul from E3 to E5 in one call', async () => {
      const chat = await conversation();
      const card = cardOf(await chat.say('passe Paul Fontaine de E3 à E5'));
      assert.match(JSON.stringify(card), /Passer Paul Fontaine d'Office 365 E3 à Office 365 E5/);
      await chat.confirm(card);
      assert.deepEqual(await skusOf(PAUL.id), [SKU.e5]);
      assert.equal(writes().filter((r) => r.path.endsWith('/assignLicense')).length, 1);
    });

    it('takes the plan named before « à la place de » / "instead of" for the one wanted, whatever she holds', async () => {
      // Julie holds Business Standard, not the E3 the asker thinks: E5 is still the plan wanted.
      for (const text of ["passe Julie Roux en E5 à la place de l'E3", 'put Julie Roux on E5 instead of E3']) {
        const card = JSON.stringify(cardOf(await (await conversation()).say(text)));
        assert.match(card, /(Passer Julie Roux de|Switch Julie Roux from) Microsoft 365 Business Standard (à|to) Office 365 E5/, text);
      }
    });

    it('refuses before calling Graph when the new plan has no free unit', async () => {
      const chat = await conversation();
      const reply = await chat.say('passe julie.roux@lumiere-fils.fr en Business Premium');
      assert.equal(reply.text, "Il ne reste aucune licence Microsoft 365 Business Premium disponible : je ne peux pas y passer Julie Roux. Rien n'a été fait.");
      assert.deepEqual(writes(), []);
    });

    it('says a licence that comes from a group cannot be changed directly, rather than that there is none', async () => {
      const reply = await (await conversation()).say('passe Antoine Mercier en E3');
      assert.equal(
        reply.text,
        "La licence Microsoft 365 Business Standard d'Antoine Mercier vient du groupe « Équipe Commerciale » : elle ne peut pas être changée directement. Changez les licences du groupe, ou donnez à Antoine Mercier une licence de plus (« donne une licence à Antoine Mercier »).",
      );
      assert.deepEqual(writes(), []);
    });

    it('keeps the old plan when the swap fails', async () => {
      tenant().faults.configure({ rules: [{ status: 503, count: 10, path: 'assignLicense$' }] });
      const chat = await conversation();
      const reply = await chat.confirm(cardOf(await chat.say('passe Paul Fontaine de E3 à E5')));
      assert.match(reply.text!, /rien n'a été modifié/);
      assert.deepEqual(await skusOf(PAUL.id), [SKU.e3]);
    });
  });

  it('answers a replayed confirmation, after its dialog ended, without acting again', async () => {
    const chat = await conversation();
    const card = cardOf(await chat.say('affecte une licence Business Basic à lea.petit@lumiere-fils.fr'));
    await chat.confirm(card);
    const replay = await chat.confirm(card);
    assert.equal(replay.text, "Cette carte a déjà servi : l'action n'a pas été refaite.");
    assert.equal(writes().length, 1);
  });
});

describe('The audit log in chat', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();
  const from = { id: 'u', name: 'Camille Martin', aadObjectId: ADMIN.id };

  /** A chat as Camille in which « affecte une licence Business Basic à <who> » was asked and confirmed: the log has one write. */
  const afterAssigningTo = async (who: string) => {
    const client = (await dialogStack(tenant().url)).client();
    const say = (text: string, locale = 'fr-FR') => client.sendActivity({ type: 'message', text, locale, from });
    const confirmCard = (await say(`affecte une licence Business Basic à ${who}`)).attachments[0].content;
    await client.sendActivity({ type: 'message', text: '', locale: 'fr-FR', from, value: confirmCard.actions[0].data });
    return say;
  };

  it('shows the latest writes, filtered by user and by operation, to an administrator', async () => {
    const say = await afterAssigningTo('paul.fontaine@lumiere-fils.fr');
    const all = JSON.stringify((await say("journal d'audit")).attachments[0].content);
    assert.match(all, /Journal d'audit/);
    assert.match(all, /Attribution de licence/);
    assert.match(all, /Camille Martin → paul.fontaine@lumiere-fils.fr/);
    assert.match(all, /sku=O365_BUSINESS_ESSENTIALS/);
    const forPaul = JSON.stringify((await say("journal d'audit de paul.fontaine@lumiere-fils.fr")).attachments[0].content);
    assert.match(forPaul, /pour « paul.fontaine@lumiere-fils.fr »/);
    assert.match(forPaul, /paul.fontaine/);
    const removals = JSON.stringify((await say("journal d'audit des retraits de licence")).attachments[0].content);
    assert.doesNotMatch(removals, /paul.fontaine@lumiere-fils.fr/);
  });

  it('finds a name typed without its accent, and keeps to the period named', async () => {
    const say = await afterAssigningTo('Léa Petit');
    const forLea = JSON.stringify((await say("journal d'audit de lea")).attachments[0].content);
    assert.doesNotMatch(forLea, /"0 opération/);
    assert.match(forLea, /lea\.petit@lumiere-fils\.fr/);
    const thisWeek = JSON.stringify((await say('audit log for the last week', 'en-US')).attachments[0].content);
    assert.match(thisWeek, /since \d+\/\d+\/\d+/);
    assert.doesNotMatch(thisWeek, /for "week"/, 'a period is not a name');
    assert.match(thisWeek, /lea\.petit@lumiere-fils\.fr/);
  });

  it("shows the caller's own entries for « qu'est-ce que j'ai fait aujourd'hui ? » and \"what did I do today?\"", async () => {
    const say = await afterAssigningTo('Léa Petit');
    for (const [question, locale] of [
      ["qu'est-ce que j'ai fait aujourd'hui ?", 'fr-FR'],
      ['what did I do today?', 'en-US'],
    ]) {
      const card = JSON.stringify((await say(question, locale)).attachments[0].content);
      assert.ok(card.includes(`pour « ${from.name} »`) || card.includes(`for \\"${from.name}\\"`), card.slice(0, 300));
      assert.match(card, /lea\.petit@lumiere-fils\.fr/);
    }
  });

  it('reads « historique des changements de Léa » and « qui a touché à la licence de Léa ? » as her entries in the audit log', async () => {
    const say = await afterAssigningTo('Léa Petit');
    for (const question of ['historique des changements de Léa', 'qui a touché à la licence de Léa ?']) {
      const card = JSON.stringify((await say(question)).attachments[0].content);
      assert.match(card, /pour « lea »/);
      assert.match(card, /lea\.petit@lumiere-fils\.fr/);
    }
  });

  it('answers « qui a donné une licence à Paul Fontaine ? » from the audit log, each word of the name found', async () => {
    const say = await afterAssigningTo('Paul Fontaine');
    const who = JSON.stringify((await say('qui a donné une licence à Paul Fontaine ?')).attachments[0].content);
    assert.match(who, /Journal d'audit/);
    assert.match(who, /pour « paul fontaine »/);
    assert.match(who, /Camille Martin → paul\.fontaine@lumiere-fils\.fr/);
  });

  it('is refused to a user without an administrator role', async () => {
    const client = (await dialogStack(tenant().url)).client();
    await assert.rejects(
      client.sendActivity({ type: 'message', text: "journal d'audit", locale: 'fr-FR', from: { id: 'u', name: 'Léa', aadObjectId: ORDINARY.id } }),
      (error: unknown) => rootCause(error) instanceof RoleRequired,
    );
  });
});

describe('The period an audit question names', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const cases: [string, string | undefined][] = [
    ["journal d'audit d'aujourd'hui", '2026-11-30'],
    ['audit log since yesterday', '2026-11-29'],
    ['audit log for the last week', '2026-11-23'],
    ["journal d'audit des 3 derniers jours", '2026-11-27'],
    ["journal d'audit du mois", '2026-10-31'],
    ["journal d'audit de julie", undefined],
  ];
  for (const [text, day] of cases) {
    it(`« ${text} » → ${day ?? 'the whole log'}`, () => {
      assert.equal(periodStart(text, now)?.toISOString().slice(0, 10), day);
    });
  }
});
