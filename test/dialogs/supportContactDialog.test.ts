import assert from 'node:assert/strict';
import { ADMIN, ORDINARY } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

describe('Asking for the support', () => {
  const { tenant } = useDemoTenant();
  const ask = async (text: string, aadObjectId: string, locale = 'fr-FR') => {
    const reply = await (
      await dialogStack(tenant().url)
    )
      .client()
      .sendActivity({ type: 'message', text, locale, from: { id: 'u', name: 'Someone', aadObjectId } });
    return JSON.stringify(reply.attachments?.[0]?.content);
  };

  it('tells someone with no admin role that the internal helpdesk takes the incidents reported here, with the buttons to report or follow one', async () => {
    const card = await ask('I need to talk to someone from IT', ORDINARY.id, 'en-US');
    assert.match(card, /Your organization's IT helpdesk/);
    assert.match(card, /"action":"incident.declare"/);
    assert.match(card, /"action":"incident.status"/);
    assert.doesNotMatch(card, /admin\.microsoft\.com/, 'the admin center is no help to them');
  });

  it("gives an administrator the way to Microsoft's support, from the admin center", async () => {
    const card = await ask('contacter le support', ADMIN.id);
    assert.match(card, /Joindre le support des services cloud/);
    assert.match(card, /admin\.microsoft\.com/);
  });
});
