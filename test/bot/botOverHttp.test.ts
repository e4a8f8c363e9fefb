import assert from 'node:assert/strict';
import { cardActionActivity, teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';
import { ORDINARY, seededUser, TENANT_ID } from '../support/fixtures';
import { startTestBot, TestBot, useTestBot } from '../support/testBot';

const allText = (card: unknown) => JSON.stringify(card);

describe('The bot over HTTP, with its demo tenant and Azurite', function () {
  this.timeout(60000);
  const running = useTestBot();

  it('serves its privacy statement and terms of use, in French by default and in English when asked or preferred', async () => {
    const privacy = await fetch(`${running.bot.url}/privacy`);
    assert.equal(privacy.status, 200);
    assert.match(privacy.headers.get('content-type') ?? '', /text\/html/);
    const french = await privacy.text();
    assert.match(french, /<html lang="fr">/);
    assert.match(french, /le journal d'audit/);
    assert.match(french, /jamais un mot de passe/);
    assert.match(await (await fetch(`${running.bot.url}/terms?lang=en`)).text(), /Every change is first shown on a confirmation card/);
    const preferred = await fetch(`${running.bot.url}/privacy`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    assert.match(await preferred.text(), /How long: as long as your organization keeps them/);
  });

  it('answers /healthz with 200 once ready', async () => {
    const response = await fetch(`${running.bot.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ready' });
  });

  it('answers « licences » with the inventory card of the demo tenant', async () => {
    const response = await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
    assert.equal(response.status, 200);
    const [card] = running.capture.cards();
    assert.ok(card, 'an Adaptive Card came back');
    const text = allText(card);
    assert.match(text, /Licences de Lumière & Fils/);
    assert.match(text, /Microsoft 365 Business Standard/);
    assert.match(text, /Utilisées : 14 sur 20/);
    assert.match(text, /Disponibles : 6/);
    // Business Premium is full: its block is flagged.
    const premium = card.body.find((b: any) => allText(b).includes('Business Premium'));
    assert.equal(premium.style, 'attention');
    assert.match(allText(premium), /Plus aucune licence disponible/);
  });

  it("keeps each member's language in a group chat: a message that does not tell is answered in its writer's", async () => {
    const group = { id: '19:group-languages@thread.v2', conversationType: 'groupChat', tenantId: TENANT_ID };
    const nadia = { id: '29:user-nadia', name: 'Nadia Benali', aadObjectId: seededUser('nadia.benali@lumiere-fils.fr').id };
    await running.bot.post(
      teamsActivity(running.capture.url, { text: 'show me the licenses', from: nadia, conversation: group, locale: 'fr-FR' }, 'groupChat'),
    );
    assert.match(allText(running.capture.cards()[0]), /Lumière & Fils licenses/, 'Nadia wrote in English');
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences', conversation: group, locale: 'fr-FR' }, 'groupChat'));
    assert.match(allText(running.capture.cards()[0]), /Licences de Lumière & Fils/, 'Camille, who wrote nothing in English, is answered in French');
  });

  it('answers "licenses" in English to an English-speaking user', async () => {
    await running.bot.post(teamsActivity(running.capture.url, { text: 'show me the licenses', locale: 'en-US' }));
    const text = allText(running.capture.cards()[0]);
    assert.match(text, /Lumière & Fils licenses/);
    assert.match(text, /Used: 14 of 20/);
  });

  it('understands a channel message once its @mention of the bot is removed', async () => {
    const activity = teamsActivity(
      running.capture.url,
      {
        text: '<at>Assistant Admin 365</at> licences',
        entities: [{ type: 'mention', text: '<at>Assistant Admin 365</at>', mentioned: { id: '28:assistant-admin-365', name: 'Assistant Admin 365' } }],
      },
      'channel',
    );
    await running.bot.post(activity);
    assert.match(allText(running.capture.cards()[0]), /Licences de Lumière & Fils/);
  });

  it('welcomes the user in their language when the bot is added', async () => {
    for (const [locale, title] of [
      ['fr-FR', 'Bonjour, je suis Assistant Admin 365'],
      ['en-GB', "Hello, I'm Assistant Admin 365"],
    ]) {
      running.capture.clear();
      await running.bot.post(
        teamsActivity(running.capture.url, { type: 'conversationUpdate', text: undefined, locale, membersAdded: [{ id: '28:assistant-admin-365' }] }),
      );
      assert.equal(running.capture.cards().length, 1);
      assert.match(allText(running.capture.cards()[0]), new RegExp(title.replace(/'/g, "'")));
    }
  });

  it('answers what it does not understand with choices and a way to the help, never a dead end', async () => {
    // A product named alone is a topic: an incident, an outage or setting it up are offered.
    await running.bot.post(teamsActivity(running.capture.url, { text: 'Outlook ?' }));
    const text = allText(running.capture.cards()[0]);
    assert.match(text, /Je ne suis pas sûr d'avoir compris/);
    assert.match(text, /"action":"incident.declare"/);
    assert.match(text, /"action":"help"/);
  });

  it('answers a request from outside its domain with a way to the help', async () => {
    await running.bot.post(teamsActivity(running.capture.url, { text: 'commande une pizza pour midi' }));
    const text = allText(running.capture.cards()[0]);
    assert.match(text, /Reformulez votre demande/);
    assert.match(text, /"action":"help"/);
  });

  it('refuses, politely and without running anything, a message from another tenant', async () => {
    const requestsBefore = await graphRequestCount();
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences', tenantId: '11111111-2222-3333-4444-555555555555' }));
    assert.equal(running.capture.cards().length, 0);
    assert.match(running.capture.texts()[0], /administre une autre organisation/);
    assert.equal(await graphRequestCount(), requestsBefore, 'no Graph request was made');
    assert.ok(running.bot.logs.some((l) => l.includes('foreign tenant')));
  });

  it('refuses an operation to someone with no admin role, naming the roles that can and telling them to ask, in their language', async () => {
    const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
    await running.bot.post(teamsActivity(running.capture.url, { text: 'liste des administrateurs', from: lea }));
    assert.match(running.capture.texts()[0], /^Seul un administrateur peut faire cela \(Administrateur général, Administrateur de rôle privilégié\)/);
    assert.match(running.capture.texts()[0], /demandez-le à l'un d'eux ou au support\. Rien n'a été fait/);
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: 'list the administrators', locale: 'en-US', from: lea }));
    assert.match(running.capture.texts()[0], /^Only an administrator can do that \(Global Administrator, Privileged Role Administrator\)/);
  });

  it("refuses an operation an administrator's roles do not allow, naming the roles it takes", async () => {
    // Julien Moreau is Helpdesk and Password Administrator: licences are not his.
    const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id };
    await running.bot.post(teamsActivity(running.capture.url, { text: 'combien de licences il reste ?', from: julien }));
    assert.match(running.capture.texts()[0], /^Vous n'avez pas le droit de faire cela : il faut l'un de ces rôles dans Microsoft 365 : Administrateur général/);
  });

  it('shows a bulk change on one card, posted as progress and updated into the report', async () => {
    const conversation = { id: 'a:bulk-conversation', conversationType: 'personal', tenantId: TENANT_ID };
    await running.bot.post(
      teamsActivity(running.capture.url, { text: 'affecte une licence Office 365 E3 à julie.roux@lumiere-fils.fr et lea.petit@lumiere-fils.fr', conversation }),
    );
    const confirm = running.capture.cards()[0];
    assert.match(JSON.stringify(confirm), /Attribuer Office 365 E3 à 2 personnes/);
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: '', value: confirm.actions[0].data, conversation }));
    assert.equal(running.capture.cards().length, 1, 'one card posted');
    assert.match(JSON.stringify(running.capture.cards()[0]), /En cours : 0 sur 2/);
    const report = running.capture.updates[running.capture.updates.length - 1];
    assert.match(JSON.stringify(report.attachments![0].content), /Terminé : 2 réussites, 0 échec sur 2/);
  });

  it('continues a password reset asked in a channel in the 1:1 chat, and hides the password on request', async () => {
    const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id };
    const personal = { id: 'a:julien-personal', conversationType: 'personal', tenantId: TENANT_ID };
    await running.bot.post(teamsActivity(running.capture.url, { text: 'aide', from: julien, conversation: personal }));
    running.capture.clear();
    const channel = { id: '19:support@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: TENANT_ID };
    await running.bot.post(
      teamsActivity(running.capture.url, { text: 'réinitialise le mot de passe de Léa Petit', from: julien, conversation: channel }, 'channel'),
    );
    const inChannel = running.capture.activities.find((a) => a.conversation?.id === channel.id)!;
    assert.match(inChannel.text!, /Je vous y ai écrit/);
    const inPrivate = running.capture.activities.find((a) => a.conversation?.id === personal.id)!;
    assert.ok(inPrivate, 'the bot wrote in the personal chat');
    const go = inPrivate.attachments![0].content.actions[0].data;
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: '', value: go, from: julien, conversation: personal }));
    const confirm = running.capture.cards()[0];
    assert.match(JSON.stringify(confirm), /Réinitialiser le mot de passe de Léa Petit/);
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: '', value: confirm.actions[0].data, from: julien, conversation: personal }));
    const shown = running.capture.cards()[0];
    assert.match(JSON.stringify(shown), /Mot de passe temporaire de Léa Petit/);
    assert.ok(!running.bot.logs.some((l) => l.includes(shown.body[1].text)), 'the password never reaches the logs');
    running.capture.clear();
    await running.bot.post(
      teamsActivity(running.capture.url, { text: '', value: shown.actions[0].data, replyToId: 'reply-1', from: julien, conversation: personal }),
    );
    const hidden = JSON.stringify(running.capture.updates[0].attachments![0].content);
    assert.match(hidden, /Mot de passe masqué/);
    assert.ok(!hidden.includes(shown.body[1].text));
  });

  describe('the helpdesk approval loop', () => {
    const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id };
    const camille = { id: '29:user-camille', name: 'Camille Martin', aadObjectId: seededUser('camille.martin@lumiere-fils.fr').id };
    const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
    const channel = { id: '19:helpdesk@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
    const leaChat = { id: 'a:lea-personal', conversationType: 'personal', tenantId: TENANT_ID };
    const camilleChat = { id: 'a:camille-personal', conversationType: 'personal', tenantId: TENANT_ID };

    const request = async (from: object, conversation: object) => {
      await running.bot.post(teamsActivity(running.capture.url, { text: "j'ai oublié mon mot de passe", from, conversation }));
      const offer = running.capture.cards().find((c) => JSON.stringify(c).includes('Demander au support'))!;
      running.capture.clear();
      await running.bot.post(teamsActivity(running.capture.url, { text: '', value: offer.actions[0].data, from, conversation }));
      return running.capture.activities.find((a) => a.conversation?.id === channel.id)!;
    };
    const decide = async (from: object, verb: string, requestId: string, reason?: string) => {
      const data = { requestId, ...(reason ? { reason } : {}) };
      const response = await running.bot.post(cardActionActivity(running.capture.url, verb, data, { from, conversation: channel, replyToId: 'reply-1' }));
      assert.equal(response.status, 200);
      return (await response.json()) as { statusCode: number; value: unknown };
    };

    before(async () => {
      await running.bot.post(teamsActivity(running.capture.url, { text: 'ce canal est le canal du support', from: julien, conversation: channel }, 'channel'));
      assert.match(running.capture.texts()[0], /arriveront dans ce canal/);
    });

    it("posts a user's request in the helpdesk channel, and on approval gives the password privately, once", async () => {
      const posted = await request(lea, leaChat);
      assert.match(running.capture.texts().join(' '), /Votre demande est transmise au support/);
      const card = posted.attachments![0].content;
      assert.match(JSON.stringify(card), /Léa Petit \(lea.petit@lumiere-fils.fr\)/);
      const requestId = card.actions[0].data.requestId;
      running.capture.clear();
      const approved = await decide(julien, 'resetApprove', requestId);
      assert.match(JSON.stringify(approved.value), /Approuvée par Julien Moreau/);
      const toLea = running.capture.activities.find((a) => a.conversation?.id === leaChat.id)!;
      assert.match(JSON.stringify(toLea.attachments![0].content), /Mot de passe temporaire de Léa Petit/);
      assert.match(JSON.stringify(running.capture.updates[0].attachments![0].content), /Approuvée par Julien Moreau/, 'the card is refreshed for everyone');
      const resetsBefore = (await graphRequests()).filter((r) => r.method === 'PATCH').length;
      const again = await decide(camille, 'resetApprove', requestId);
      assert.match(JSON.stringify(again.value), /Approuvée par Julien Moreau/);
      assert.equal((await graphRequests()).filter((r) => r.method === 'PATCH').length, resetsBefore, 'approved twice, reset once');
    });

    it('tells the requester privately why a request was refused', async () => {
      const posted = await request(lea, leaChat);
      running.capture.clear();
      const refused = await decide(julien, 'resetRefuse', posted.attachments![0].content.actions[0].data.requestId, 'Passez au bureau avec votre badge.');
      assert.match(JSON.stringify(refused.value), /Refusée par Julien Moreau.*Passez au bureau/);
      const toLea = running.capture.activities.find((a) => a.conversation?.id === leaChat.id)!;
      assert.equal(toLea.text, 'Votre demande de réinitialisation de mot de passe a été refusée par Julien Moreau : Passez au bureau avec votre badge.');
    });

    it("delivers the password to the requester's manager when the requester chose that", async () => {
      await running.bot.post(teamsActivity(running.capture.url, { text: 'aide', from: camille, conversation: camilleChat }));
      await running.bot.post(teamsActivity(running.capture.url, { text: "j'ai oublié mon mot de passe", from: lea, conversation: leaChat }));
      const offer = running.capture.cards().find((c) => JSON.stringify(c).includes('remis à mon responsable'))!;
      running.capture.clear();
      await running.bot.post(teamsActivity(running.capture.url, { text: '', value: offer.actions[1].data, from: lea, conversation: leaChat }));
      const posted = running.capture.activities.find((a) => a.conversation?.id === channel.id)!;
      assert.match(JSON.stringify(posted.attachments![0].content), /Camille Martin, son responsable/);
      running.capture.clear();
      await decide(julien, 'resetApprove', posted.attachments![0].content.actions[0].data.requestId);
      const toCamille = running.capture.activities.find((a) => a.conversation?.id === camilleChat.id)!;
      assert.match(JSON.stringify(toCamille.attachments![0].content), /Mot de passe temporaire de Léa Petit/);
      const toLea = running.capture.activities.find((a) => a.conversation?.id === leaChat.id)!;
      assert.equal(toLea.text, 'Votre demande est approuvée : le mot de passe temporaire a été remis à Camille Martin.');
    });

    it('says on the card when the password could not be delivered privately, and keeps no copy', async () => {
      // Julie asks for delivery to her manager, Paul Fontaine, who never opened a chat with the running.bot.
      const julie = { id: '29:user-julie', name: 'Julie Roux', aadObjectId: seededUser('julie.roux@lumiere-fils.fr').id };
      const julieChat = { id: 'a:julie-personal', conversationType: 'personal', tenantId: TENANT_ID };
      await running.bot.post(teamsActivity(running.capture.url, { text: "j'ai oublié mon mot de passe", from: julie, conversation: julieChat }));
      const offer = running.capture.cards().find((c) => JSON.stringify(c).includes('remis à mon responsable'))!;
      running.capture.clear();
      await running.bot.post(teamsActivity(running.capture.url, { text: '', value: offer.actions[1].data, from: julie, conversation: julieChat }));
      const posted = running.capture.activities.find((a) => a.conversation?.id === channel.id)!;
      const answer = await decide(julien, 'resetApprove', posted.attachments![0].content.actions[0].data.requestId);
      assert.match(JSON.stringify(answer.value), /le mot de passe n'a pas pu être remis à Paul Fontaine en privé/);
    });

    it('closes a request whose requester no longer exists, without a reset', async () => {
      const posted = await request(lea, leaChat);
      const requestId = posted.attachments![0].content.actions[0].data.requestId;
      const resets = async () => (await graphRequests()).filter((r) => r.method === 'PATCH').length;
      const before = await resets();
      // Léa's account is deleted from the directory before anyone decides.
      await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, {
        method: 'POST',
        body: JSON.stringify({ rules: [{ status: 404, count: 5, method: 'GET', path: `^/users/${ORDINARY.id}$` }] }),
      });
      try {
        const answer = await decide(julien, 'resetApprove', requestId);
        assert.match(JSON.stringify(answer.value), /Le compte de Léa Petit n'existe plus/);
        assert.equal(await resets(), before, 'no password was reset');
      } finally {
        await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, { method: 'POST', body: '{}' });
      }
    });

    it("keeps a request pending when the approver's role cannot reset the requester", async () => {
      const posted = await request(camille, camilleChat);
      const requestId = posted.attachments![0].content.actions[0].data.requestId;
      const answer = await decide(julien, 'resetApprove', requestId);
      assert.match(JSON.stringify(answer.value), /Julien Moreau ne peut pas réinitialiser le mot de passe de Camille Martin/);
      assert.match(JSON.stringify(answer.value), /En attente d'un technicien/);
    });
  });

  it('refuses a malformed activity with 400', async () => {
    const response = await fetch(`${running.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'no type' }),
    });
    assert.equal(response.status, 400);
    const notJson = await fetch(`${running.bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
    assert.equal(notJson.status, 400);
  });

  it("explains a Graph failure in the user's language, with a reference, and keeps working", async () => {
    await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ status: 500, count: 5, path: 'subscribedSkus' }] }),
    });
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
    assert.match(running.capture.texts()[0], /Microsoft 365 ne répond pas pour le moment/);
    assert.match(running.capture.texts()[0], /Référence pour le support : [0-9a-f-]{36}/);
    await fetch(`${running.bot.bot.graphBaseUrl}/_demo/faults`, { method: 'POST', body: '{}' });
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
    assert.equal(running.capture.cards().length, 1);
  });

  it('logs each turn as JSON with a correlation id, and never the message text', async () => {
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences mot de passe Secret-123' }));
    const turn = running.bot.logs
      .map((l) => JSON.parse(l))
      .filter((e) => e.msg === 'turn started')
      .pop();
    assert.match(turn.correlationId, /^[0-9a-f-]{36}$/);
    assert.ok(!running.bot.logs.some((l) => l.includes('Secret-123')));
  });

  it('remembers the conversation, so the bot can write to the user later', async () => {
    const activity = teamsActivity(running.capture.url, { text: 'licences' });
    await running.bot.post(activity);
    const { TableClient } = await import('@azure/data-tables');
    const table = TableClient.fromConnectionString(running.bot.bot.storageConnectionString, 'conversations', { allowInsecureConnection: true });
    const personal = await table.getEntity<{ json: string }>('personal', (activity.from as { aadObjectId: string }).aadObjectId);
    assert.equal(JSON.parse(personal.json).serviceUrl, running.capture.url);
  });

  async function graphRequests(): Promise<{ method: string; path: string }[]> {
    return ((await (await fetch(`${running.bot.bot.graphBaseUrl}/_demo/requests`)).json()) as { requests: { method: string; path: string }[] }).requests;
  }

  async function graphRequestCount(): Promise<number> {
    return (await graphRequests()).length;
  }
});

describe('The bot with a Microsoft App Id', function () {
  this.timeout(60000);
  let bot: TestBot;
  let capture: CaptureServer;

  before(async () => {
    capture = await new CaptureServer().start();
    bot = await startTestBot({
      MicrosoftAppId: '0b0b0b0b-1111-2222-3333-444444444444',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT_ID,
    });
  });
  after(async () => {
    await bot?.bot.close();
    await capture?.close();
  });

  it('refuses a request without a token with 401, and runs nothing', async () => {
    const response = await bot.post(teamsActivity(capture.url, { text: 'licences' }));
    assert.equal(response.status, 401);
    assert.equal(capture.activities.length, 0);
    assert.ok(!bot.logs.some((l) => l.includes('"turn started"')));
  });
});
