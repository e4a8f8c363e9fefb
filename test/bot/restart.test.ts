import assert from 'node:assert/strict';
import { Logger } from '../../bot/host/logger';
import { EmbeddedAzurite, startAzurite } from '../../bot/storage/azurite';
import { cardActionActivity, teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';
import { ORDINARY, seededUser, TENANT_ID } from '../support/fixtures';
import { startTestBot } from '../support/testBot';

describe('A reset request survives a restart of the bot', function () {
  this.timeout(90000);
  let azurite: EmbeddedAzurite;
  let capture: CaptureServer;

  before(async () => {
    azurite = await startAzurite({ location: '', inMemory: true, logger: new Logger('error', {}, () => {}) });
    capture = await new CaptureServer().start();
  });
  after(async () => {
    await capture?.close();
    await azurite?.stop();
  });

  it('is filed with one bot process and approved with the next', async () => {
    const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id };
    const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
    const channel = { id: '19:helpdesk-restart@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
    const leaChat = { id: 'a:lea-restart', conversationType: 'personal', tenantId: TENANT_ID };
    const env = { STORAGE_CONNECTION_STRING: azurite.connectionString };

    const first = await startTestBot(env);
    let requestId: string;
    try {
      await first.post(teamsActivity(capture.url, { text: 'ce canal est le canal du support', from: julien, conversation: channel }, 'channel'));
      await first.post(teamsActivity(capture.url, { text: "j'ai oublié mon mot de passe", from: lea, conversation: leaChat }));
      const offer = capture.cards().find((c) => JSON.stringify(c).includes('Demander au support'))!;
      await first.post(teamsActivity(capture.url, { text: '', value: offer.actions[0].data, from: lea, conversation: leaChat }));
      requestId = capture.activities.filter((a) => a.conversation?.id === channel.id).pop()!.attachments![0].content.actions[0].data.requestId;
    } finally {
      await first.bot.close();
    }

    capture.clear();
    const second = await startTestBot(env);
    try {
      const response = await second.post(cardActionActivity(capture.url, 'resetApprove', { requestId }, { from: julien, conversation: channel }));
      const answer = (await response.json()) as { value: unknown };
      assert.match(JSON.stringify(answer.value), /Approuvée par Julien Moreau/);
      assert.ok(capture.activities.some((a) => a.conversation?.id === leaChat.id && JSON.stringify(a.attachments ?? []).includes('Mot de passe temporaire')));
    } finally {
      await second.bot.close();
    }
  });
});
