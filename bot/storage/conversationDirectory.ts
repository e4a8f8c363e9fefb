import { ConversationReference, TurnContext } from 'botbuilder';
import { RecordTable } from './recordTable';

/**
 * Where to reach each user and each conversation later (proactive messages: an incident taken,
 * a reset approved). Written when it changes, not on every turn.
 */
export class ConversationDirectory {
  private readonly known = new Map<string, string>();

  constructor(private readonly table: RecordTable<Partial<ConversationReference>>) {}

  async remember(context: TurnContext): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const conversationId = reference.conversation?.id;
    if (!conversationId) return;
    const fingerprint = JSON.stringify([reference.serviceUrl, reference.bot?.id, reference.user?.id]);
    const key = safeKey(conversationId);
    if (this.known.get(key) === fingerprint) return;
    const kind = reference.conversation?.conversationType ?? 'personal';
    await this.table.put('conversation', key, reference, { kind });
    const userId = context.activity.from?.aadObjectId;
    if (userId && kind === 'personal') await this.table.put('personal', userId, reference);
    this.known.set(key, fingerprint);
  }

  /** The 1:1 conversation with a user (by Entra object id), if they ever talked to the bot. */
  personalChatOf(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.table.get('personal', aadObjectId);
  }

  /** The channel where the helpdesk receives requests, as an admin designated it there. */
  async setHelpdeskChannel(context: TurnContext): Promise<void> {
    await this.table.put('helpdesk', 'channel', TurnContext.getConversationReference(context.activity));
  }

  helpdeskChannel(): Promise<Partial<ConversationReference> | undefined> {
    return this.table.get('helpdesk', 'channel');
  }

  conversation(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.table.get('conversation', safeKey(conversationId));
  }
}

/** Table Storage forbids / \ # ? and control characters in keys; Teams conversation ids contain some. */
function safeKey(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}
