import assert from 'node:assert/strict';
import { FEATURES } from '../../bot/features';
import type { Feature } from '../../bot/features/feature';
import { teamsActivity } from '../support/activities';
import { ORDINARY, seededUser, TENANT_ID } from '../support/fixtures';
import { useTestBot } from '../support/testBot';

const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id }; // no role
const paul = { id: '29:user-paul', name: 'Paul Fontaine', aadObjectId: seededUser('paul.fontaine@lumiere-fils.fr').id };
const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id }; // Helpdesk Administrator
const helpdeskChannel = { id: '19:helpdesk-refused@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
const paulChat = { id: 'a:paul-refused', conversationType: 'personal', tenantId: TENANT_ID };
const leaChat = { id: 'a:lea-refused', conversationType: 'personal', tenantId: TENANT_ID };

/** What Paul's records hold that nobody else may read: the incident's words and his details. */
const PAUL_SECRETS = {
  description: 'La facture Dupuis-Quenneville ne part plus par mail',
  phone: '+33 6 12 34 56 78',
  since: 'depuis la réunion de mardi',
  name: 'Paul Fontaine',
  upn: 'paul.fontaine@lumiere-fils.fr',
};

describe('A refused card click shows nothing of the record it names', function () {
  this.timeout(60000);
  const running = useTestBot({ HELPDESK_RETRY_SECONDS: '1' });
  const records: Record<string, string> = {};

  const say = (from: object, conversation: object, text: string, kind: 'personal' | 'channel' = 'personal') =>
    running.bot.post(teamsActivity(running.capture.url, { text, from, conversation }, kind));
  const submit = (from: object, conversation: object, value: unknown) =>
    running.bot.post(teamsActivity(running.capture.url, { text: '', value, from, conversation }, 'personal'));
  const invoke = async (conversation: { id: string; conversationType: string }, verb: string, data: object) => {
    const kind = conversation.conversationType === 'channel' ? 'channel' : 'personal';
    const activity = { type: 'invoke', name: 'adaptiveCard/action', text: undefined, from: lea, conversation, replyToId: 'card-1' };
    const response = await running.bot.post(
      teamsActivity(running.capture.url, { ...activity, value: { action: { type: 'Action.Execute', verb, data } } }, kind),
    );
    return JSON.stringify(await response.json());
  };

  before(async () => {
    await say(julien, helpdeskChannel, 'ce canal est le canal du support', 'channel');
    // Paul files an incident…
    await say(paul, paulChat, 'Word ne marche plus');
    const form = running.capture.cards().at(-1).actions[0].data.incidentForm as string;
    const { description, phone, since } = PAUL_SECRETS;
    await submit(paul, paulChat, { incidentForm: form, service: 'Microsoft 365 apps', impact: 'me', description, since, phone });
    records.incident = /INC-0*(\d+)/.exec(running.capture.texts().join(' '))![1];
    // …and asks the helpdesk for a password reset.
    await say(paul, paulChat, "j'ai oublié mon mot de passe");
    const offer = running.capture.cards().find((c) => JSON.stringify(c).includes('Demander au support'));
    await submit(paul, paulChat, offer.actions[0].data);
    const posted = running.capture.activities.filter((a) => a.conversation?.id === helpdeskChannel.id).at(-1)!;
    records.requestId = posted.attachments![0].content.actions[0].data.requestId as string;
  });

  /** A click's data for `verb`: the record it names, and words in every text field. */
  const dataFor = (fields: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(fields).map((field) => {
        if (field in records) return [field, records[field]];
        assert.ok(['comment', 'resolution', 'reason'].includes(field), `no record known for the card field « ${field} »: add it to this test`);
        return [field, 'vu'];
      }),
    );

  const features: readonly Feature[] = FEATURES;
  const verbs = features.flatMap((f) => Object.entries(f.cardVerbs ?? {}));

  it('covers every card verb that a feature declares', () => {
    assert.ok(verbs.length >= 7);
  });

  for (const [verb, fields] of verbs) {
    for (const [where, conversation] of [
      ['from her own chat', leaChat],
      ['from the helpdesk channel', helpdeskChannel],
    ] as const) {
      it(`${verb}, sent by a member without the right ${where}: a notice, and nothing of the record in it or in any message`, async () => {
        running.capture.clear();
        const answer = await invoke(conversation, verb, dataFor(fields));
        assert.match(answer, /n'a rien changé/);
        for (const [what, value] of Object.entries(PAUL_SECRETS)) {
          assert.ok(!answer.includes(value), `the answer shows Paul's ${what}`);
          assert.ok(!JSON.stringify(running.capture.activities).includes(value), `a message shows Paul's ${what}`);
        }
      });
    }
  }
});
