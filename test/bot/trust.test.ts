import assert from 'node:assert/strict';
import { teamsActivity } from '../support/activities';
import { ADMIN, ORDINARY, seededUser, TENANT_ID } from '../support/fixtures';
import { useTestBot } from '../support/testBot';

const camille = { id: '29:user-camille', name: 'Camille Martin', aadObjectId: ADMIN.id };
const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id };
const groupChat = { id: '19:group-lumiere@thread.v2', conversationType: 'groupChat', tenantId: TENANT_ID };
const helpdeskChannel = { id: '19:helpdesk-trust@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
const leaChat = { id: 'a:lea-trust', conversationType: 'personal', tenantId: TENANT_ID };
const julienChat = { id: 'a:julien-trust', conversationType: 'personal', tenantId: TENANT_ID };

describe('Trust: what a member of the tenant without the role can and cannot do', function () {
  this.timeout(60000);
  const running = useTestBot({ HELPDESK_RETRY_SECONDS: '1' });
  beforeEach(() => fetch(`${running.bot.bot.graphBaseUrl}/_demo/reset`, { method: 'POST' }));

  const say = (from: object, conversation: object, text: string, kind: 'personal' | 'channel' | 'groupChat' = 'personal') =>
    running.bot.post(teamsActivity(running.capture.url, { text, from, conversation }, kind));
  const click = (from: object, conversation: object, value: unknown, kind: 'personal' | 'channel' | 'groupChat' = 'personal') =>
    running.bot.post(teamsActivity(running.capture.url, { text: '', value, from, conversation }, kind));
  const invoke = async (from: object, conversation: object, value: unknown) => {
    const response = await running.bot.post(
      teamsActivity(
        running.capture.url,
        { type: 'invoke', name: 'adaptiveCard/action', text: undefined, from, conversation, replyToId: 'card-1', value },
        'channel',
      ),
    );
    return { status: response.status, body: (await response.json()) as { statusCode: number; value: unknown } };
  };
  const graphWrites = async () =>
    ((await (await fetch(`${running.bot.bot.graphBaseUrl}/_demo/requests`)).json()) as { requests: { method: string; path: string }[] }).requests.filter(
      (r) => r.method !== 'GET',
    );

  describe('in a group chat, a confirmation card acts only for its asker', () => {
    it('a member without any role who sends the Confirm changes nothing and is told whose card it is', async () => {
      await say(camille, groupChat, 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr', 'groupChat');
      const card = running.capture.cards()[0];
      assert.match(JSON.stringify(card), /Attribuer Microsoft 365 Business Basic à Paul Fontaine/);
      running.capture.clear();
      await click(lea, groupChat, card.actions[0].data, 'groupChat');
      assert.deepEqual(running.capture.texts(), ["Cette carte attend la confirmation de Camille Martin : votre clic n'a rien changé."]);
      assert.deepEqual(await graphWrites(), [], 'no write reached Graph');
      running.capture.clear();
      await running.bot.post(
        teamsActivity(running.capture.url, { text: '', value: card.actions[0].data, from: camille, conversation: groupChat, replyToId: 'card-1' }, 'groupChat'),
      );
      assert.match(running.capture.texts()[0], /C'est fait : Paul Fontaine a maintenant la licence/);
      const closed = running.capture.updates[0].attachments![0].content;
      assert.match(JSON.stringify(closed), /Confirmé par Camille Martin/, 'everyone sees who confirmed');
      assert.deepEqual(closed.actions ?? [], [], 'and no button is left to press');
    });

    it('a member typing in the group chat does not answer the question the bot asked someone else', async () => {
      await say(camille, groupChat, 'affecte une licence à paul.fontaine@lumiere-fils.fr', 'groupChat');
      assert.match(JSON.stringify(running.capture.cards()[0]), /Quelle licence/);
      running.capture.clear();
      await say(lea, groupChat, 'Business Basic', 'groupChat');
      assert.ok(
        !JSON.stringify(running.capture.activities).includes('Attribuer Microsoft 365 Business Basic à Paul Fontaine'),
        "Léa's words were not taken as Camille's answer",
      );
      running.capture.clear();
      await say(camille, groupChat, 'Business Basic', 'groupChat');
      assert.match(JSON.stringify(running.capture.cards()[0]), /Attribuer Microsoft 365 Business Basic à Paul Fontaine/);
    });

    it('a confirmation clicked a second after its asker lost the role writes nothing: roles are read from Entra at the click', async () => {
      // Nadia (User Administrator) asks; her roles are read, and cached for the reads of the next minute.
      const nadia = { id: '29:user-nadia', name: 'Nadia Benali', aadObjectId: seededUser('nadia.benali@lumiere-fils.fr').id };
      const chat = { id: 'a:nadia-demoted', conversationType: 'personal', tenantId: TENANT_ID };
      await say(nadia, chat, 'réinitialise le mot de passe de Léa Petit');
      const card = running.capture.cards().find((c) => JSON.stringify(c).includes('Réinitialiser le mot de passe'))!;
      const graph = `${running.bot.bot.graphBaseUrl}/v1.0/roleManagement/directory/roleAssignments`;
      const filter = encodeURIComponent(`principalId eq '${nadia.aadObjectId}'`);
      const held = ((await (await fetch(`${graph}?$filter=${filter}`)).json()) as { value: { id: string }[] }).value;
      for (const assignment of held) await fetch(`${graph}/${assignment.id}`, { method: 'DELETE' });
      running.capture.clear();
      await running.bot.post(
        teamsActivity(running.capture.url, { text: '', value: card.actions[0].data, from: nadia, conversation: chat, replyToId: 'card-1' }),
      );
      assert.match(running.capture.texts().join(' '), /Vous n'avez pas le droit|Seul un administrateur/);
      assert.deepEqual(
        (await graphWrites()).filter((w) => w.method === 'PATCH'),
        [],
        'no password was reset',
      );
    });

    it('a password reset confirmation clicked by someone else in a channel does nothing', async () => {
      await say(julien, julienChat, 'aide');
      await say(julien, julienChat, 'réinitialise le mot de passe de Léa Petit');
      const card = running.capture.cards().find((c) => JSON.stringify(c).includes('Réinitialiser le mot de passe'))!;
      running.capture.clear();
      await click(lea, julienChat, card.actions[0].data);
      assert.match(running.capture.texts()[0], /attend la confirmation de Julien Moreau/);
      assert.deepEqual(await graphWrites(), []);
    });
  });

  describe('helpdesk decisions need the role, come from the helpdesk channel, and a refused click never locks a request', () => {
    let requestId: string;

    before(async () => {
      await say(julien, helpdeskChannel, 'ce canal est le canal du support', 'channel');
    });
    beforeEach(async () => {
      await say(lea, leaChat, "j'ai oublié mon mot de passe");
      const offer = running.capture.cards().find((c) => JSON.stringify(c).includes('Demander au support'))!;
      running.capture.clear();
      await click(lea, leaChat, offer.actions[0].data);
      const posted = running.capture.activities.find((a) => a.conversation?.id === helpdeskChannel.id)!;
      requestId = posted.attachments![0].content.actions[0].data.requestId;
      running.capture.clear();
    });
    const execute = (verb: string, data: object) => ({ action: { type: 'Action.Execute', verb, data } });

    it('a Refuse by a member without a helpdesk role is refused, and the request stays pending for the helpdesk', async () => {
      const refused = await invoke(lea, helpdeskChannel, execute('resetRefuse', { requestId, reason: 'non' }));
      assert.match(JSON.stringify(refused.body.value), /Léa Petit ne peut pas décider de cette demande/);
      assert.doesNotMatch(JSON.stringify(refused.body.value), /En attente d'un technicien/, 'the request is not shown to her');
      assert.equal(running.capture.activities.filter((a) => a.conversation?.id === leaChat.id).length, 0, 'the requester heard nothing');
      const approved = await invoke(julien, helpdeskChannel, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(approved.body.value), /Approuvée par Julien Moreau/);
    });

    it('an Approve by a member without the role claims nothing: an administrator can still approve', async () => {
      const refused = await invoke(lea, helpdeskChannel, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(refused.body.value), /ne peut pas décider de cette demande/);
      assert.deepEqual(await graphWrites(), [], 'no password was reset');
      const approved = await invoke(julien, helpdeskChannel, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(approved.body.value), /Approuvée par Julien Moreau/);
      assert.equal((await graphWrites()).filter((w) => w.method === 'PATCH').length, 1);
    });

    it('a decision sent from another conversation than the helpdesk channel is refused, even with the role', async () => {
      const elsewhere = await invoke(julien, julienChat, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(elsewhere.body.value), /depuis le canal du support/);
      assert.deepEqual(await graphWrites(), []);
      const fromChannel = await invoke(julien, helpdeskChannel, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(fromChannel.body.value), /Approuvée par Julien Moreau/);
    });

    it('a reset Graph made but whose answer was lost is read back: approved, and the password reaches the requester', async () => {
      await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, {
        method: 'POST',
        body: JSON.stringify({ rules: [{ status: 0, count: 1, method: 'PATCH', path: `^/users/${ORDINARY.id}$`, afterApplying: true, drop: true }] }),
      });
      const approved = await invoke(julien, helpdeskChannel, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(approved.body.value), /Approuvée par Julien Moreau/);
      assert.equal((await graphWrites()).filter((w) => w.method === 'PATCH').length, 1, 'reset once: the one Graph made');
      const delivered = running.capture.activities.filter((a) => a.conversation?.id !== helpdeskChannel.id);
      assert.match(JSON.stringify(delivered), /Masquer le mot de passe/, 'the requester got her password');
    });

    it('a reset that fails in Graph leaves the request pending, so it can be approved again', async () => {
      await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, {
        method: 'POST',
        body: JSON.stringify({ rules: [{ status: 500, count: 10, method: 'PATCH', path: `^/users/${ORDINARY.id}$` }] }),
      });
      try {
        const failed = await invoke(julien, helpdeskChannel, execute('resetApprove', { requestId }));
        assert.equal(failed.status, 200);
        // Neither the reset nor the reset done again was confirmed: said so, and the request is left for the helpdesk to approve again.
        assert.match(JSON.stringify(failed.body.value), /Microsoft 365 n'a pas confirmé la modification : elle a peut-être été faite/);
        assert.match(JSON.stringify(failed.body.value), /En attente d'un technicien/);
      } finally {
        await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, { method: 'POST', body: '{}' });
      }
      const approved = await invoke(julien, helpdeskChannel, execute('resetApprove', { requestId }));
      assert.match(JSON.stringify(approved.body.value), /Approuvée par Julien Moreau/);
    });
  });

  describe('a request is never acknowledged as delivered when the helpdesk channel cannot be reached', () => {
    const brokenChannel = { id: '19:helpdesk-gone@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
    const fileRequest = async () => {
      await say(lea, leaChat, "j'ai oublié mon mot de passe");
      const offer = running.capture.cards().find((c) => JSON.stringify(c).includes('Demander au support'))!;
      running.capture.clear();
      await click(lea, leaChat, offer.actions[0].data);
    };
    const noticesTo = (conversation: { id: string }) =>
      running.capture.activities.filter((a) => a.conversation?.id === conversation.id).map((a) => a.text ?? '');

    before(async () => {
      await say(julien, julienChat, 'aide'); // the bot knows Julien's personal chat
      await say(julien, brokenChannel, 'ce canal est le canal du support', 'channel');
    });
    after(() => running.capture.refusing.clear());

    it('tells the requester the request is saved but not yet delivered, and its designator privately, once', async () => {
      running.capture.refusing.set(brokenChannel.id, 403);
      await fileRequest();
      assert.match(noticesTo(leaChat).join(' '), /Votre demande est enregistrée, mais le canal du support ne la reçoit pas pour l'instant/);
      assert.ok(!noticesTo(leaChat).join(' ').includes('transmise'), 'never « transmise au support »');
      assert.equal(noticesTo(julienChat).filter((t) => /Je n'arrive plus à publier dans le canal du support/.test(t)).length, 1);
      running.capture.clear();
      await fileRequest();
      assert.equal(noticesTo(julienChat).length, 0, 'the designator is told once, not at every request');
    });

    it('lists the undelivered requests to the helpdesk (« demandes en attente »), and not to others', async () => {
      running.capture.refusing.set(brokenChannel.id, 403);
      await fileRequest();
      running.capture.clear();
      await say(julien, julienChat, 'demandes en attente');
      const card = JSON.stringify(running.capture.cards()[0]);
      assert.match(card, /Demandes de réinitialisation en attente/);
      assert.match(card, /Léa Petit \(lea.petit@lumiere-fils.fr\)/);
      assert.match(card, /pas encore remise au canal du support/);
      running.capture.clear();
      await say(lea, leaChat, 'demandes en attente');
      assert.match(running.capture.texts()[0], /Seul un administrateur peut faire cela/);
    });

    it('delivers the saved requests once the channel takes posts again', async () => {
      running.capture.refusing.set(brokenChannel.id, 403);
      await fileRequest();
      running.capture.refusing.clear();
      running.capture.clear();
      const deadline = Date.now() + 20000;
      while (Date.now() < deadline && !running.capture.activities.some((a) => a.conversation?.id === brokenChannel.id))
        await new Promise((r) => setTimeout(r, 200));
      const posted = running.capture.activities.find((a) => a.conversation?.id === brokenChannel.id);
      assert.ok(posted, 'the request reached the helpdesk channel by itself');
      assert.match(JSON.stringify(posted.attachments![0].content), /Léa Petit/);
    });
  });

  describe('every card action and every activity is checked', () => {
    it("an object where a request id is expected gets « cette carte n'est pas valide », not an error", async () => {
      const answer = await invoke(julien, helpdeskChannel, { action: { type: 'Action.Execute', verb: 'resetApprove', data: { requestId: { $ne: null } } } });
      assert.equal(answer.status, 200);
      assert.match(JSON.stringify(answer.body.value), /Cette carte n'est pas valide/);
    });

    it('an unknown verb, or an invoke without an action, gets the same answer', async () => {
      for (const value of [{ action: { type: 'Action.Execute', verb: 'grantEverything', data: {} } }, {}, { action: 'x' }]) {
        const answer = await invoke(julien, helpdeskChannel, value);
        assert.equal(answer.status, 200, JSON.stringify(value));
        assert.match(JSON.stringify(answer.body.value), /Cette carte n'est pas valide/);
      }
    });

    it('a submit whose fields are not what our cards send is refused before any dialog runs', async () => {
      for (const value of [
        { confirm: 'yes', token: { length: 1 } },
        { confirm: 'maybe' },
        { pick: 'plan', choice: 'x'.repeat(5000) },
        { grantRole: 'Global Administrator' },
        ['confirm'],
      ]) {
        running.capture.clear();
        await click(camille, { id: 'a:camille-trust', conversationType: 'personal', tenantId: TENANT_ID }, value);
        assert.deepEqual(running.capture.texts(), ["Cette carte n'est pas valide : rien n'a été fait. Refaites votre demande."], JSON.stringify(value));
      }
    });

    it("a card field named __proto__, constructor or toString is no field of ours: « cette carte n'est pas valide », and the bot keeps working", async () => {
      const chat = { id: 'a:camille-proto', conversationType: 'personal', tenantId: TENANT_ID };
      for (const raw of ['{"__proto__":{"confirm":"yes"}}', '{"constructor":"x"}', '{"toString":"x","confirm":"yes"}', '{"hasOwnProperty":"x"}']) {
        running.capture.clear();
        await click(camille, chat, JSON.parse(raw));
        assert.deepEqual(running.capture.texts(), ["Cette carte n'est pas valide : rien n'a été fait. Refaites votre demande."], raw);
        const answer = await invoke(julien, helpdeskChannel, { action: { type: 'Action.Execute', verb: 'resetApprove', data: JSON.parse(raw) } });
        assert.equal(answer.status, 200, raw);
        assert.match(JSON.stringify(answer.body.value), /Cette carte n'est pas valide/, raw);
      }
      const proto = await invoke(julien, helpdeskChannel, JSON.parse('{"action":{"type":"Action.Execute","verb":"__proto__","data":{}}}'));
      assert.match(JSON.stringify(proto.body.value), /Cette carte n'est pas valide/);
      running.capture.clear();
      await say(camille, chat, 'aide');
      assert.ok(running.capture.cards().length > 0, 'the next message is answered as usual');
    });

    it('a card answer nested deeper than our cards send, or holding too many values, is not valid either', async () => {
      let nested: unknown = 'yes';
      for (let i = 0; i < 20; i++) nested = { msteams: nested };
      const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, 'x']));
      for (const value of [{ confirm: 'yes', msteams: nested }, { msteams: wide }]) {
        running.capture.clear();
        await click(camille, { id: 'a:camille-nested', conversationType: 'personal', tenantId: TENANT_ID }, value);
        assert.deepEqual(running.capture.texts(), ["Cette carte n'est pas valide : rien n'a été fait. Refaites votre demande."]);
        const answer = await invoke(julien, helpdeskChannel, { action: { type: 'Action.Execute', verb: 'resetApprove', data: { msteams: nested } } });
        assert.match(JSON.stringify(answer.body.value), /Cette carte n'est pas valide/);
      }
    });

    it('refuses with 400, saying why, an activity nested without end, a 5,000-character conversation id, or an Entra id with / or #', async () => {
      const base = teamsActivity(running.capture.url, { text: 'licences' });
      const deep = JSON.stringify({ ...base, channelData: { ...(base.channelData as object), deep: 'DEEP' } }).replace(
        '"DEEP"',
        `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      );
      const nested = await fetch(`${running.bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: deep });
      assert.equal(nested.status, 400);
      assert.match(((await nested.json()) as { error: string }).error, /nests at most 32 levels/);
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...base, conversation: { ...(base.conversation as object), id: `a:${'x'.repeat(5000)}` } }, /conversation.id is longer than 1000 characters/],
        [{ ...base, from: { ...camille, aadObjectId: `${ADMIN.id}/../users` } }, /aadObjectId is not an Entra object id/],
        [{ ...base, from: { ...camille, aadObjectId: `${ADMIN.id}#x` } }, /aadObjectId is not an Entra object id/],
      ];
      for (const [activity, why] of cases) {
        const response = await running.bot.post(activity);
        assert.equal(response.status, 400);
        assert.match(((await response.json()) as { error: string }).error, why);
      }
      assert.equal(running.capture.activities.length, 0, 'nothing was sent anywhere');
    });

    it("a message longer than Teams allows is refused unread, in the writer's language, and the request in progress still waits", async () => {
      const chat = { id: 'a:camille-long', conversationType: 'personal', tenantId: TENANT_ID };
      await say(camille, chat, 'affecte une licence à paul.fontaine@lumiere-fils.fr');
      assert.match(JSON.stringify(running.capture.cards().at(-1)), /Quelle licence/);
      running.capture.clear();
      await running.bot.post(teamsActivity(running.capture.url, { text: 'licence '.repeat(40_000), from: camille, conversation: chat, attachments: [] }));
      assert.equal(running.capture.texts().length, 1);
      assert.match(
        running.capture.texts()[0],
        /^Ce message est trop long pour que je le lise \(Teams accepte environ 28 Ko par message\) : je n'en ai rien fait\./,
      );
      running.capture.clear();
      await say(camille, chat, 'Business Basic');
      assert.match(
        JSON.stringify(running.capture.cards().at(-1)),
        /Attribuer Microsoft 365 Business Basic à Paul Fontaine/,
        'the question asked before is still answered',
      );
    });

    it('a long message within what Teams allows is read from its beginning, and answered like a short one', async () => {
      const chat = { id: 'a:camille-pasted', conversationType: 'personal', tenantId: TENANT_ID };
      // A request, then 20 KB of the words the rules look for (read whole, 14 s of backtracking, during which Graph calls time out).
      const words = 'bonjour licence Paul mot de passe outlook ne marche plus depuis ce matin merci réinitialise affecte Julie Roux E3 teams panne'.split(' ');
      const log = Array.from({ length: 3_000 }, (_, i) => words[(i * 7919 + (i >> 3)) % words.length]).join(' ');
      await say(camille, chat, `affecte une licence à ${log}`);
      assert.ok(running.capture.activities.length > 0, 'it is answered');
      assert.ok(!running.capture.texts().some((t) => /ne répond pas|inattendu/.test(t)), 'and no Graph call timed out behind it');
    });

    it('refuses with 400 an activity without from, conversation or serviceUrl, and sends nothing anywhere', async () => {
      const base = teamsActivity(running.capture.url, { text: 'licences' });
      for (const missing of ['from', 'conversation', 'serviceUrl']) {
        const { [missing]: _gone, ...activity } = base;
        const response = await running.bot.post(activity);
        assert.equal(response.status, 400, missing);
      }
      const elsewhere = await running.bot.post({ ...base, serviceUrl: 'not a url' });
      assert.equal(elsewhere.status, 400);
      assert.equal(running.capture.activities.length, 0);
    });
  });
});
