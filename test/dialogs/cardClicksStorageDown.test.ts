import assert from 'node:assert/strict';
import { TestAdapter } from 'botbuilder';
import type { Incident } from '../../bot/features/incidents/incident';
import type { ResetRequest } from '../../bot/features/helpdesk/resetRequests';
import { Logger } from '../../bot/host/logger';
import { TurnSetup } from '../../bot/turn/turnSetup';
import { ADMIN } from '../support/fixtures';
import { dialogStack, unreachableTable } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

describe('Helpdesk card clicks while storage is down', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  /** The answer to one Action.Execute click from the helpdesk channel, with the incidents and requests tables unreachable. */
  const click = async (verb: string, data: Record<string, string>) => {
    const stack = await dialogStack(tenant().url, 5000, '', {
      incidents: unreachableTable<Incident>('incidents'),
      requests: unreachableTable<ResetRequest>('requests'),
    });
    const adapter = new TestAdapter().use(new TurnSetup(new Logger('error', {}, () => {}), 'fr'));
    let answer: unknown;
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: { id: 'u', name: 'Camille Martin', aadObjectId: ADMIN.id },
      conversation: { id: '19:helpdesk@thread.tacv2' },
      channelId: 'msteams',
    };
    await adapter.processActivity(activity as never, async (context) => {
      answer = await stack.cardActions.get(verb)!(context, { verb, data });
    });
    return JSON.stringify(answer);
  };

  it('Take on an incident says on the card that storage failed, and nothing is done', async () => {
    assert.match(await click('incidentTake', { incident: '1' }), /Je n'ai pas pu enregistrer/);
  });

  it('Approve on a reset request says on the card that storage failed, and no password is reset', async () => {
    assert.match(await click('resetApprove', { requestId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c' }), /Je n'ai pas pu enregistrer/);
    assert.deepEqual(
      tenant().requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });
});
