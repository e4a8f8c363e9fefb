import assert from 'node:assert/strict';
import { Logger } from '../../bot/host/logger';
import { EmbeddedAzurite, startAzurite } from '../../bot/storage/azurite';
import { cardActionActivity, teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';
import { ADMIN, ORDINARY, seededUser, TENANT_ID } from '../support/fixtures';
import { startTestBot, TestBot } from '../support/testBot';

/**
 * Two bot instances behind one endpoint, as App Service scales out: one Azure Storage (Azurite
 * here) and one tenant (the first instance's demo tenant) shared by both.
 */
describe('Two bot instances sharing one storage', function () {
  this.timeout(90000);
  let azurite: EmbeddedAzurite;
  let capture: CaptureServer;
  let a: TestBot;
  let b: TestBot;
  const camille = { id: '29:user-camille', name: 'Camille Martin', aadObjectId: ADMIN.id };
  const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id };
  const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };

  before(async () => {
    azurite = await startAzurite({ location: '', inMemory: true, logger: new Logger('error', {}, () => {}) });
    capture = await new CaptureServer().start();
    a = await startTestBot({ STORAGE_CONNECTION_STRING: azurite.connectionString });
    b = await startTestBot({ STORAGE_CONNECTION_STRING: azurite.connectionString, GRAPH_BASE_URL: a.bot.graphBaseUrl });
  });
  beforeEach(async () => {
    capture.clear();
    await fetch(`${a.bot.graphBaseUrl}/_demo/reset`, { method: 'POST' });
  });
  after(async () => {
    await b?.bot.close();
    await a?.bot.close();
    await capture?.close();
    await azurite?.stop();
  });

  const writes = async (path: RegExp) =>
    ((await (await fetch(`${a.bot.graphBaseUrl}/_demo/requests`)).json()) as { requests: { method: string; path: string }[] }).requests.filter(
      (r) => r.method !== 'GET' && path.test(r.path),
    ).length;

  it('completes a dialog whose turns alternate between the instances', async () => {
    const chat = { id: 'a:camille-scale-1', conversationType: 'personal', tenantId: TENANT_ID };
    await a.post(teamsActivity(capture.url, { text: 'affecte une licence à paul.fontaine@lumiere-fils.fr', from: camille, conversation: chat }));
    const chooser = capture.cards().pop();
    capture.clear();
    await b.post(teamsActivity(capture.url, { text: 'Business Basic', from: camille, conversation: chat }));
    const confirm = capture.cards().pop();
    assert.match(
      JSON.stringify(confirm),
      /Attribuer Microsoft 365 Business Basic à Paul Fontaine/,
      `the second instance continued: ${JSON.stringify(chooser).slice(0, 80)}`,
    );
    capture.clear();
    await a.post(teamsActivity(capture.url, { text: '', value: confirm.actions[0].data, from: camille, conversation: chat }));
    assert.match(capture.texts()[0], /C'est fait : Paul Fontaine a maintenant la licence Microsoft 365 Business Basic/);
  });

  it('acts once when the same confirmation is clicked on both instances at once', async () => {
    const chat = { id: 'a:camille-scale-2', conversationType: 'personal', tenantId: TENANT_ID };
    await a.post(teamsActivity(capture.url, { text: 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr', from: camille, conversation: chat }));
    const confirm = capture.cards().pop();
    capture.clear();
    const click = (bot: TestBot) => bot.post(teamsActivity(capture.url, { text: '', value: confirm.actions[0].data, from: camille, conversation: chat }));
    const [first, second] = await Promise.all([click(a), click(b)]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(await writes(/assignLicense$/), 1, 'one assignLicense');
    assert.equal(capture.texts().filter((t) => /C'est fait/.test(t)).length, 1);
  });

  it('takes one helpdesk decision when Approve is clicked on both instances at once', async () => {
    const channel = { id: '19:helpdesk-scale@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
    const leaChat = { id: 'a:lea-scale', conversationType: 'personal', tenantId: TENANT_ID };
    await a.post(teamsActivity(capture.url, { text: 'ce canal est le canal du support', from: julien, conversation: channel }, 'channel'));
    await b.post(teamsActivity(capture.url, { text: "j'ai oublié mon mot de passe", from: lea, conversation: leaChat }));
    const offer = capture.cards().find((c) => JSON.stringify(c).includes('Demander au support'))!;
    await a.post(teamsActivity(capture.url, { text: '', value: offer.actions[0].data, from: lea, conversation: leaChat }));
    const requestId = capture.activities.filter((x) => x.conversation?.id === channel.id).pop()!.attachments![0].content.actions[0].data.requestId;
    const approve = (bot: TestBot) => bot.post(cardActionActivity(capture.url, 'resetApprove', { requestId }, { from: julien, conversation: channel }));
    const answers = await Promise.all([approve(a), approve(b)]);
    for (const answer of answers) assert.match(JSON.stringify(await answer.json()), /Approuvée par Julien Moreau|En attente/);
    assert.equal(await writes(new RegExp(`^/users/${ORDINARY.id}$`)), 1, 'one password reset');
  });

  it('keeps the dialog whole when two turns of one conversation run at once on both instances', async () => {
    const chat = { id: 'a:camille-scale-4', conversationType: 'personal', tenantId: TENANT_ID };
    await a.post(teamsActivity(capture.url, { text: 'affecte une licence à paul.fontaine@lumiere-fils.fr', from: camille, conversation: chat }));
    capture.clear();
    const answer = (bot: TestBot) => bot.post(teamsActivity(capture.url, { text: 'Business Basic', from: camille, conversation: chat }));
    await Promise.all([answer(a), answer(b)]);
    // State writes are checked by ETag: a turn that read the state before the other wrote it cannot overwrite it.
    const confirms = capture.cards().filter((c) => /Attribuer Microsoft 365 Business Basic/.test(JSON.stringify(c)));
    assert.ok(confirms.length >= 1, 'the answer was taken');
    capture.clear();
    for (const card of confirms) await b.post(teamsActivity(capture.url, { text: '', value: card.actions[0].data, from: camille, conversation: chat }));
    assert.equal(await writes(/assignLicense$/), 1, 'the licence is assigned once, whichever card is clicked');
    capture.clear();
    await a.post(teamsActivity(capture.url, { text: 'licences', from: camille, conversation: chat }));
    assert.match(JSON.stringify(capture.cards()[0]), /Licences de Lumière & Fils/, 'the conversation goes on');
  });

  it('loses nothing when one instance stops mid-dialog: the other carries on', async () => {
    const chat = { id: 'a:camille-scale-3', conversationType: 'personal', tenantId: TENANT_ID };
    const c = await startTestBot({ STORAGE_CONNECTION_STRING: azurite.connectionString, GRAPH_BASE_URL: a.bot.graphBaseUrl });
    await c.post(teamsActivity(capture.url, { text: 'affecte une licence Business Basic à paul.fontaine@lumiere-fils.fr', from: camille, conversation: chat }));
    const confirm = capture.cards().pop();
    await c.bot.close();
    capture.clear();
    await b.post(teamsActivity(capture.url, { text: '', value: confirm.actions[0].data, from: camille, conversation: chat }));
    assert.match(capture.texts()[0], /C'est fait : Paul Fontaine a maintenant la licence/);
  });
});
