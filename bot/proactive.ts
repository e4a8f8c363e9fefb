import { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

export interface PersonalChats {
  personalChatOf(aadObjectId: string): Promise<Partial<ConversationReference> | undefined>;
}

/** Writes to a user in their 1:1 chat with the bot (when they ever had one), from any other conversation. */
export class PrivateMessenger {
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string, private readonly chats: PersonalChats) {}

  /** False when the bot knows no personal chat with this user. */
  async send(aadObjectId: string, activity: Partial<Activity>): Promise<boolean> {
    const reference = await this.chats.personalChatOf(aadObjectId);
    if (!reference) return false;
    await this.sendTo(reference, activity);
    return true;
  }

  /** Posts into a known conversation (a channel, a chat); resolves with the posted activity's id. */
  async sendTo(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }
}
