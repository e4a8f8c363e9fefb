import assert from 'node:assert/strict';
import { ADMIN, ORDINARY } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

type Reply = { text?: string; attachments?: { content: unknown }[] };

describe('Service health, live from Graph', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const ask = async (aadObjectId: string, text: string, locale = 'fr-FR') => {
    const stack = await dialogStack(tenant().url);
    const reply = (await stack.client().sendActivity({ type: 'message', text, locale, from: { id: 'u', name: 'x', aadObjectId } })) as Reply;
    return reply.text ?? JSON.stringify(reply.attachments?.[0]?.content);
  };

  it("tells anyone whether a service is down, and keeps Microsoft's issue details for administrators", async () => {
    const answer = await ask(ORDINARY.id, "est-ce qu'Exchange est en panne ?");
    assert.match(answer, /Exchange Online/);
    assert.match(answer, /Service dégradé/);
    assert.doesNotMatch(answer, /EX1062744/);
    assert.match(answer, /réservés aux administrateurs/);
  });

  it('says a service is running when Microsoft reports nothing on it', async () => {
    const answer = await ask(ADMIN.id, 'est-ce que Teams est en panne ?');
    assert.match(answer, /Microsoft Teams/);
    assert.match(answer, /Opérationnel/);
  });

  it('says where planned maintenance is announced (the message center), then shows the state now', async () => {
    const client = (await dialogStack(tenant().url)).client();
    const first = (await client.sendActivity({
      type: 'message',
      text: 'y a-t-il une maintenance prévue sur Exchange ?',
      locale: 'fr-FR',
      from: { id: 'u', name: 'x', aadObjectId: ADMIN.id },
    })) as Reply;
    assert.match(first.text!, /centre de messages/);
    const card = client.getNextReply() as Reply;
    assert.match(JSON.stringify(card.attachments?.[0]?.content), /Exchange Online/);
  });
});
