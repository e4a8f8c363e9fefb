import assert from 'node:assert/strict';
import { TurnContext, TestAdapter, Activity } from 'botbuilder';
import { ConversationDirectory } from '../../bot/storage/conversationDirectory';
import { RecordTable } from '../../bot/storage/recordTable';

/** A table that counts the conversation references written, by conversation. */
function countingTable() {
  const writes = new Map<string, number>();
  const table = {
    async put(partition: string, row: string) {
      if (partition === 'conversation') writes.set(row, (writes.get(row) ?? 0) + 1);
    },
  } as unknown as RecordTable<object>;
  return { table, writes };
}

const turnIn = (adapter: TestAdapter, conversation: string) =>
  new TurnContext(adapter, {
    type: 'message',
    serviceUrl: 'https://smba.example/emea/',
    channelId: 'msteams',
    conversation: { id: conversation, conversationType: 'groupChat' },
    from: { id: '29:u' },
    recipient: { id: '28:bot' },
  } as Activity);

describe('The conversation directory', () => {
  const adapter = new TestAdapter();

  it('writes a conversation once, not on every turn', async () => {
    const { table, writes } = countingTable();
    const directory = new ConversationDirectory(table);
    for (let i = 0; i < 3; i++) await directory.remember(turnIn(adapter, '19:a@thread.v2'));
    assert.deepEqual([...writes.values()], [1]);
  });

  it('keeps its latest 10,000 conversations in mind: the oldest, forgotten, is written again when it speaks', async () => {
    const { table, writes } = countingTable();
    const directory = new ConversationDirectory(table);
    for (let i = 0; i <= 10_000; i++) await directory.remember(turnIn(adapter, `19:c${i}@thread.v2`));
    await directory.remember(turnIn(adapter, '19:c10000@thread.v2'));
    await directory.remember(turnIn(adapter, '19:c0@thread.v2'));
    // Rows are keyed by the conversation id in base64url (Table Storage forbids some of its characters).
    const timesWritten = (conversation: string) => writes.get(Buffer.from(conversation, 'utf8').toString('base64url'));
    assert.equal(timesWritten('19:c10000@thread.v2'), 1, 'the latest is still known');
    assert.equal(timesWritten('19:c0@thread.v2'), 2, 'the oldest was forgotten, then written again');
  });
});
