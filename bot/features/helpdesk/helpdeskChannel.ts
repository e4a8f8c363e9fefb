import type { ConversationReference } from 'botbuilder';
import { DeliveryFailed } from '../../policy/errors';
import type { Locale } from '../../presentation/i18n';
import type { ConversationDirectory, HelpdeskDesignator } from '../../storage/conversationDirectory';

/** Where a post in the helpdesk channel went: its activity and conversation, or why it is not there. */
export type Posted = { activityId?: string; conversationId?: string } | 'noChannel' | 'refused';

/**
 * The channel the helpdesk works in, as an administrator designated it: its language (its
 * designator's: everyone there sees one card) and posting there. A post the channel refuses is
 * reported, and the designator told privately, once, until the channel takes posts again. Reset
 * requests, incidents and outage warnings all go through it.
 */
export class HelpdeskChannel {
  constructor(
    private readonly conversations: ConversationDirectory,
    /** Tells the designator privately that the channel no longer takes posts (the helpdesk's messages in Teams). */
    private readonly tellBroken: (designator: HelpdeskDesignator) => Promise<void>,
    private readonly defaultLocale: Locale,
  ) {}

  async locale(): Promise<Locale> {
    return (await this.conversations.helpdeskDesignator())?.locale ?? this.defaultLocale;
  }

  async designated(): Promise<boolean> {
    return (await this.conversations.helpdeskChannel()) !== undefined;
  }

  /** Posts what `post` makes, in the channel's language. */
  async post(post: (channel: Partial<ConversationReference>, locale: Locale) => Promise<string | undefined | void>): Promise<Posted> {
    const [channel, designator] = await Promise.all([this.conversations.helpdeskChannel(), this.conversations.helpdeskDesignator()]);
    if (!channel) return 'noChannel';
    let activityId: string | undefined;
    try {
      activityId = (await post(channel, designator?.locale ?? this.defaultLocale)) ?? undefined;
    } catch (error) {
      if (!(error instanceof DeliveryFailed)) throw error;
      if (designator && (await this.conversations.helpdeskBroken())) await this.tellBroken(designator);
      return 'refused';
    }
    await this.conversations.helpdeskWorks();
    return { activityId, conversationId: channel.conversation?.id };
  }
}
