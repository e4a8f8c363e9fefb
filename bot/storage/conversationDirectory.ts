import { ConversationReference, TurnContext } from 'botbuilder';
import type { Locale } from '../presentation/i18n';
import { RecordTable } from './recordTable';

type Reference = Partial<ConversationReference>;

/** The administrator who designated the helpdesk channel: told privately when it stops working. */
export interface HelpdeskDesignator {
  id: string;
  name: string;
  locale: Locale;
}

/** Conversations whose reference this process knows to be stored; past it the oldest is forgotten (and written again if it speaks). */
const KNOWN_KEPT = 10_000;

/**
 * Where to reach each user and each conversation later (proactive messages: an incident taken,
 * a reset approved), and the helpdesk channel. Written when it changes, not on every turn.
 */
export class ConversationDirectory {
  private readonly known = new Map<string, string>();

  constructor(private readonly table: RecordTable<object>) {}

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
    this.known.delete(key);
    if (this.known.size >= KNOWN_KEPT) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, fingerprint);
  }

  /** The 1:1 conversation with a user (by Entra object id), if they ever talked to the bot. */
  async personalChatOf(aadObjectId: string): Promise<Reference | undefined> {
    return (await this.table.get('personal', aadObjectId)) as Reference | undefined;
  }

  /** The channel where the helpdesk receives requests, as an admin designated it there; and who did. */
  async setHelpdeskChannel(context: TurnContext, designator: HelpdeskDesignator): Promise<void> {
    // The channel itself, not the thread it was designated in: each request and incident is a post of its own.
    const reference = TurnContext.getConversationReference(context.activity);
    const conversation = reference.conversation ?? { id: '' };
    const channel = { ...reference, conversation: { ...conversation, id: channelOf(conversation.id) ?? conversation.id } };
    await this.table.put('helpdesk', 'channel', channel);
    await this.table.put('helpdesk', 'designator', designator);
    await this.helpdeskWorks();
  }

  async helpdeskChannel(): Promise<Reference | undefined> {
    return (await this.table.get('helpdesk', 'channel')) as Reference | undefined;
  }

  async helpdeskDesignator(): Promise<HelpdeskDesignator | undefined> {
    return (await this.table.get('helpdesk', 'designator')) as HelpdeskDesignator | undefined;
  }

  /** Records that the helpdesk channel refused a post: true the first time (so that its designator is told once). */
  helpdeskBroken(): Promise<boolean> {
    return this.table.create('helpdesk', 'broken', { at: new Date().toISOString() });
  }

  /** The helpdesk channel took a post again (or a new one was designated). */
  helpdeskWorks(): Promise<void> {
    return this.table.remove('helpdesk', 'broken');
  }

  /**
   * Whether a click from this conversation comes from the helpdesk: the channel it works in, or the
   * conversation the card was posted to (thread ids compared without their « ;messageid=… »).
   */
  async inHelpdesk(conversationId: string, cardConversationId?: string): Promise<boolean> {
    const here = channelOf(conversationId);
    if (!here) return false;
    if (channelOf(cardConversationId) === here) return true;
    return channelOf((await this.helpdeskChannel())?.conversation?.id) === here;
  }

  async conversation(conversationId: string): Promise<Reference | undefined> {
    return (await this.table.get('conversation', safeKey(conversationId))) as Reference | undefined;
  }
}

/** Table Storage forbids / \ # ? and control characters in keys; Teams conversation ids contain some. */
function safeKey(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** A Teams channel's id without the thread a message sits in (« 19:…@thread.tacv2;messageid=… »). */
function channelOf(conversationId: string | undefined): string | undefined {
  return conversationId?.split(';')[0] || undefined;
}
