import assert from 'node:assert/strict';
import type { Incident } from '../../bot/features/incidents/incident';
import type { AuditEntry } from '../../bot/policy/audit';
import { ORDINARY } from '../support/fixtures';
import { dialogStack, repliesOf, StackTables, unreachableTable } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

type Reply = { text?: string; attachments?: { content: { actions?: { data?: Record<string, string> }[] } }[] };

describe('Declaring an incident', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();
  const from = { id: 'u', name: 'Léa Petit', aadObjectId: ORDINARY.id };

  /** Léa's chat with the bot: the form asked for with `text`, then sent back with `fields`. */
  const declare = async (text: string, fields: Record<string, string>, tables: StackTables = {}) => {
    const stack = await dialogStack(tenant().url, 5000, '', tables);
    const client = stack.client();
    const [form] = await repliesOf<Reply>(client, client.sendActivity({ type: 'message', text, locale: 'fr-FR', from }));
    const nonce = form.attachments![0].content.actions![0].data!.incidentForm;
    const value = { incidentForm: nonce, service: 'Microsoft Teams', impact: 'me', description: 'Teams ne démarre plus', ...fields };
    const replies = await repliesOf<Reply>(client, client.sendActivity({ type: 'message', text: '', value, locale: 'fr-FR', from }));
    return { stack, said: replies.map((r) => r.text ?? JSON.stringify(r.attachments?.[0]?.content)).join('\n') };
  };

  it('when storage is down, says so and files nothing (no number, nothing posted)', async () => {
    const { said } = await declare('Teams ne démarre plus', {}, { incidents: unreachableTable<Incident>('incidents') });
    assert.match(said, /Je n'ai pas pu enregistrer/);
    assert.match(said, /Aucun incident n'a été déclaré/);
    assert.doesNotMatch(said, /INC-/);
  });

  it('when the audit cannot be written, the incident is not left behind', async () => {
    const { stack, said } = await declare('Teams ne démarre plus', {}, { audit: unreachableTable<AuditEntry>('audit') });
    assert.match(said, /Aucun incident n'a été déclaré/);
    assert.deepEqual(
      (await stack.incidentDesk.mine(ORDINARY.id)).filter((i) => i.description === 'Teams ne démarre plus' && Date.now() - Date.parse(i.createdAt) < 5000),
      [],
    );
  });

  it('without a helpdesk channel yet, the incident is recorded and the user told it will be sent once there is one', async () => {
    const { said, stack } = await declare('Teams ne démarre plus', { since: 'hier', phone: '06 12 34 56 78' });
    assert.match(said, /Votre incident INC-\d{6} est enregistré. Aucun canal du support n'est encore désigné/);
    const number = Number(/INC-(\d{6})/.exec(said)![1]);
    const kept = (await stack.incidentDesk.get(number))!;
    assert.equal(kept.since, 'hier');
    assert.equal(kept.phone, '06 12 34 56 78');
    assert.equal(kept.service, 'Microsoft Teams');
    assert.equal(kept.state, 'new');
    const audited = await stack.audit.recent({ operation: 'incident.declare' });
    assert.ok(audited.some((e) => e.target === `INC-${String(number).padStart(6, '0')}` && e.outcome === 'succeeded'));
  });

  it('in English, the form and the answer are in English', async () => {
    const stack = await dialogStack(tenant().url);
    const client = stack.client();
    const [form] = await repliesOf<Reply>(
      client,
      client.sendActivity({ type: 'message', text: 'Teams keeps crashing since yesterday', locale: 'en-US', from }),
    );
    const card = JSON.stringify(form.attachments![0].content);
    assert.match(card, /Report an incident/);
    assert.match(card, /"id":"since"[^}]*"value":"since yesterday"/);
  });

  it('takes the problem described in words while the form waits: the form again, filled with it, and no word of a request dropped', async () => {
    const client = (await dialogStack(tenant().url)).client();
    await repliesOf<Reply>(client, client.sendActivity({ type: 'message', text: 'je veux déclarer un incident', locale: 'fr-FR', from }));
    const [said, form] = await repliesOf<Reply>(
      client,
      client.sendActivity({ type: 'message', text: "c'est Teams, les appels coupent depuis ce matin", locale: 'fr-FR', from }),
    );
    assert.equal(said.text, "Je reprends votre demande avec ce que vous venez d'écrire (rien n'avait encore été fait).");
    const card = JSON.stringify(form.attachments![0].content);
    assert.match(card, /"id":"service"[^}]*"value":"Microsoft Teams"/);
    assert.match(card, /"id":"since"[^}]*"value":"depuis ce matin"/);
  });

  describe('fills in who is affected and since when from the message', () => {
    const cases: [string, string, string, string][] = [
      ['outlook is really slow for the whole team since monday', 'en-US', 'team', 'since monday'],
      ['personne ne peut se connecter à Teams depuis 10h', 'fr-FR', 'company', 'depuis 10h'],
      ['le mail marche pas depuis ce matin chez nous', 'fr-FR', 'me', 'depuis ce matin'],
      ['OneDrive ne synchronise plus depuis hier pour mon équipe', 'fr-FR', 'team', 'depuis hier'],
      ['the outlook of all the company is down since 9h', 'en-US', 'company', 'since 9h'],
    ];
    for (const [text, locale, impact, since] of cases) {
      it(`« ${text} » → ${impact}, « ${since} »`, async () => {
        const client = (await dialogStack(tenant().url)).client();
        const [form] = await repliesOf<Reply>(client, client.sendActivity({ type: 'message', text, locale, from }));
        const card = JSON.stringify(form.attachments![0].content);
        assert.match(card, new RegExp(`"id":"impact"[^}]*"value":"${impact}"`));
        assert.match(card, new RegExp(`"id":"since"[^}]*"value":"${since}"`));
      });
    }
  });
});
