import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ADMIN, ORDINARY, seededUser, SKU } from '../support/fixtures';
import { dialogStack, sharedStorage, StackTables } from '../support/dialogStack';
import type { AuditEntry } from '../../bot/policy/audit';
import { rootCause, StorageFault } from '../../bot/policy/errors';
import type { RecordTable } from '../../bot/storage/recordTable';
import { useDemoTenant } from '../support/demoTenant';
import { until } from '../support/until';
import type { FaultRule } from '../../demo/faults';

const PAUL = seededUser('paul.fontaine@lumiere-fils.fr'); // Office 365 E3, direct
const asAdmin = { id: 'u', name: 'Camille Martin', aadObjectId: ADMIN.id };
const personal = { id: 'a:faults-chat', conversationType: 'personal', isGroup: false, name: '' };
type Reply = { text?: string; attachments?: { content: any }[] };

/** The password on a temporary-password card. */
const passwordOn = (card: any): string => card.body.find((b: { fontType?: string }) => b.fontType === 'Monospace').text;

describe('A write whose answer is lost: the user is told what is true', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const conversation = async (timeoutMs?: number, tables: StackTables = {}) => {
    const since = new Date();
    const stack = await dialogStack(tenant().url, timeoutMs, '', tables);
    const client = stack.client();
    const send = (fields: object) =>
      client.sendActivity({ type: 'message', locale: 'fr-FR', from: asAdmin, conversation: personal, ...fields }) as Promise<Reply>;
    const say = (text: string) => send({ text });
    const confirm = async (reply: Reply) => {
      const answer = await send({ text: '', value: reply.attachments![0].content.actions[0].data });
      const all = [answer];
      for (let next = client.getNextReply() as Reply | undefined; next; next = client.getNextReply() as Reply | undefined) all.push(next);
      return all;
    };
    return { say, confirm, audit: stack.audit, since, send };
  };
  const fault = (rule: Omit<FaultRule, 'count'>) => tenant().faults.configure({ rules: [{ count: 1, ...rule }] });
  const skusOf = (userId: string) => [...tenant().store.heldSkus(tenant().store.user(userId))];
  const outcomes = async (chat: Awaited<ReturnType<typeof conversation>>, user: string, operation: string) =>
    (await chat.audit.recent({ user, operation, since: chat.since })).map((e) => e.outcome).reverse();
  const texts = (replies: Reply[]) => replies.map((r) => r.text ?? '').join(' ');

  describe('a licence assigned', () => {
    const ask = 'affecte une licence Business Basic à lea.petit@lumiere-fils.fr';

    it('carried out by Graph, its answer replaced by a 500: read back, said done, audited unknown then succeeded', async () => {
      const chat = await conversation();
      const card = await chat.say(ask);
      fault({ status: 500, method: 'POST', path: 'assignLicense$', afterApplying: true });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /j'ai vérifié dans votre organisation : elle est bien faite/);
      assert.match(texts(replies), /C'est fait : Léa Petit a maintenant la licence Microsoft 365 Business Basic/);
      assert.doesNotMatch(texts(replies), /Rien n'a été modifié/);
      assert.ok(skusOf(ORDINARY.id).includes(SKU.basic));
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'license.assign'), ['unknown', 'succeeded']);
    });

    it('carried out by Graph, its connection dropped before the answer: the same', async () => {
      const chat = await conversation();
      const card = await chat.say(ask);
      fault({ status: 0, method: 'POST', path: 'assignLicense$', afterApplying: true, drop: true });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /elle est bien faite/);
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'license.assign'), ['unknown', 'succeeded']);
    });

    it("not carried out (a 500 before applying): read back, and only then « rien n'a été modifié »", async () => {
      const chat = await conversation();
      const card = await chat.say(ask);
      fault({ status: 500, method: 'POST', path: 'assignLicense$' });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /j'ai vérifié dans votre organisation : elle n'a pas été faite, rien n'a été modifié/);
      assert.ok(!skusOf(ORDINARY.id).includes(SKU.basic));
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'license.assign'), ['unknown', 'failed']);
    });

    it('refused by Graph (a 403): nothing was changed, said at once without reading back', async () => {
      const chat = await conversation();
      const card = await chat.say(ask);
      fault({ status: 403, method: 'POST', path: 'assignLicense$' });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /Rien n'a été modifié/);
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'license.assign'), ['failed']);
    });

    it('not answered in time, landing later: given a moment, read back, said done', async () => {
      const chat = await conversation(400);
      const card = await chat.say(ask);
      fault({ status: 0, method: 'POST', path: 'assignLicense$', delayMs: 1000 });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /elle est bien faite/);
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'license.assign'), ['unknown', 'succeeded']);
    });

    it("not answered in time and not visible even after a moment: said unknown, never « rien n'a été modifié »", async () => {
      const chat = await conversation(400);
      const card = await chat.say(ask);
      fault({ status: 0, method: 'POST', path: 'assignLicense$', delayMs: 4000 });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /je n'ai pas pu vérifier si elle a été faite : elle l'a peut-être été/);
      assert.doesNotMatch(texts(replies), /Rien n'a été modifié|rien n'a été modifié/);
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'license.assign'), ['unknown']);
      // The demo tenant still answers the hung call: its write lands here, not in the next test.
      await until(() => skusOf(ORDINARY.id).includes(SKU.basic), 8000);
    });
  });

  it('a change of plan carried out whose answer was lost is read back as done: the new plan held, the old one gone', async () => {
    const chat = await conversation();
    const card = await chat.say('passe Paul Fontaine de E3 à E5');
    fault({ status: 502, method: 'POST', path: 'assignLicense$', afterApplying: true });
    const replies = await chat.confirm(card);
    assert.match(texts(replies), /elle est bien faite/);
    assert.ok(skusOf(PAUL.id).includes(SKU.e5) && !skusOf(PAUL.id).includes(SKU.e3));
  });

  it('a role granted whose answer was lost is read back from Entra: said done', async () => {
    const chat = await conversation();
    const card = await chat.say('ajoute le rôle support technique à Julie Roux');
    fault({ status: 503, method: 'POST', path: '^/roleManagement/directory/roleAssignments$', afterApplying: true });
    const replies = await chat.confirm(card);
    assert.match(texts(replies), /elle est bien faite.*Julie Roux a maintenant le rôle Administrateur du support technique/);
  });

  it('a new administrator account made whose answer was lost is found by its address, given its role, and its password shown', async () => {
    const chat = await conversation();
    const card = await chat.say('crée un administrateur des licences pour perdu.reponse@lumiere-fils.fr');
    fault({ status: 0, method: 'POST', path: '^/users$', afterApplying: true, drop: true });
    const replies = await chat.confirm(card);
    assert.match(texts(replies), /perdu.reponse a maintenant le rôle Administrateur de licences/);
    const made = tenant().store.user('perdu.reponse@lumiere-fils.fr');
    const shown = replies.find((r) => r.attachments?.length)!.attachments![0].content;
    assert.equal(made.password, createHash('sha256').update(passwordOn(shown)).digest('hex'));
  });

  it('a domain added whose answer was lost is read back from the domains: said added, with its TXT record', async () => {
    const chat = await conversation();
    const card = await chat.say('ajoute le domaine reponse-perdue.fr');
    fault({ status: 0, method: 'POST', path: '^/domains$', afterApplying: true, drop: true });
    const replies = await chat.confirm(card);
    assert.match(JSON.stringify(replies), /reponse-perdue\.fr est ajouté/);
    assert.match(JSON.stringify(replies), /elle est bien faite/);
  });

  describe('a password reset', () => {
    const ask = 'réinitialise le mot de passe de Léa Petit';
    const hashOf = (password: string) => createHash('sha256').update(password).digest('hex');

    it('carried out, its connection dropped: read back by when the password was last set, and its password shown', async () => {
      const chat = await conversation();
      const card = await chat.say(ask);
      fault({ status: 0, method: 'PATCH', path: `^/users/${ORDINARY.id}$`, afterApplying: true, drop: true });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /elle est bien faite/);
      const shown = replies.find((r) => r.attachments?.length)!.attachments![0].content;
      assert.equal(tenant().store.user(ORDINARY.id).password, hashOf(passwordOn(shown)), 'the password shown is the account’s');
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'password.reset'), ['unknown', 'succeeded']);
    });

    it('not carried out and not provable either way: reset again, said as such, and that password shown', async () => {
      const chat = await conversation();
      const card = await chat.say(ask);
      fault({ status: 0, method: 'PATCH', path: `^/users/${ORDINARY.id}$`, drop: true });
      const replies = await chat.confirm(card);
      assert.match(texts(replies), /je l'ai donc refaite, et c'est celle-ci qui compte/);
      const shown = replies.find((r) => r.attachments?.length)!.attachments![0].content;
      assert.equal(tenant().store.user(ORDINARY.id).password, hashOf(passwordOn(shown)), 'the administrator holds the account’s password');
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'password.reset'), ['unknown', 'succeeded']);
    });
  });

  describe('the audit log never loses a write', () => {
    /** The audit table, refusing the entries `refuses` says while it says so. */
    const auditTable = async (refuses: (entry: AuditEntry) => boolean): Promise<RecordTable<AuditEntry>> => {
      const real = (await sharedStorage()).table<AuditEntry>('audit');
      return new Proxy(real, {
        get(target, property) {
          if (property === 'put')
            return async (partition: string, row: string, entry: AuditEntry, indexed?: Record<string, string>) => {
              if (refuses(entry)) throw new StorageFault('storage frozen');
              return target.put(partition, row, entry, indexed);
            };
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    };

    it('storage refusing the intent: nothing is sent to Graph, the user is told, and the same card acts once storage is back', async () => {
      let frozen = true;
      const chat = await conversation(undefined, { audit: await auditTable((e) => frozen && e.outcome === 'intended') });
      const card = await chat.say('réinitialise le mot de passe de Léa Petit');
      const before = tenant().store.user(ORDINARY.id).password;
      // The turn ends on the storage fault, which the adapter tells as « Je n'ai pas pu enregistrer… Rien n'a été modifié ».
      await assert.rejects(chat.confirm(card), (error) => rootCause(error) instanceof StorageFault);
      assert.equal(tenant().store.user(ORDINARY.id).password, before, 'no reset was sent');
      frozen = false;
      const done = await chat.confirm(card);
      assert.ok(
        done.some((r) => JSON.stringify(r).includes('Masquer le mot de passe')),
        'the card still acts, once',
      );
    });

    it('storage refusing the outcome: the reset is done and its password shown; the outcome waits, then is written', async () => {
      let frozen = true;
      const chat = await conversation(undefined, { audit: await auditTable((e) => frozen && e.outcome !== 'intended') });
      const card = await chat.say('réinitialise le mot de passe de Léa Petit');
      const replies = await chat.confirm(card);
      const shown = replies.find((r) => r.attachments?.length)!.attachments![0].content;
      assert.equal(tenant().store.user(ORDINARY.id).password, createHash('sha256').update(passwordOn(shown)).digest('hex'));
      assert.equal(chat.audit.backlog(), 1, 'the outcome waits for storage');
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'password.reset'), ['intended'], 'meanwhile the log says it was intended');
      frozen = false;
      assert.equal(await chat.audit.flush(), 0);
      assert.deepEqual(await outcomes(chat, 'lea.petit', 'password.reset'), ['succeeded'], 'the intent is shown no more once its outcome is written');
      assert.ok(!JSON.stringify(await chat.audit.recent({ since: chat.since })).includes(passwordOn(shown)), 'no password in the log');
    });
  });
});
