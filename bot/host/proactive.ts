import { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { DeliveryFailed } from '../policy/errors';

export interface PersonalChats {
  personalChatOf(aadObjectId: string): Promise<Partial<ConversationReference> | undefined>;
}

/** How long Teams may take to accept a proactive message before it counts as not delivered. */
const DELIVERY_DEADLINE_MS = 5000;

/** Writes to a user in their 1:1 chat with the bot (when they ever had one), or into a known conversation, from any other. */
export class PrivateMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly chats: PersonalChats,
  ) {}

  /** False when the bot knows no personal chat with this user, or Teams refused the message. */
  async send(aadObjectId: string, activity: Partial<Activity>): Promise<boolean> {
    const reference = await this.chats.personalChatOf(aadObjectId);
    if (!reference) return false;
    return this.sendTo(reference, activity).then(
      () => true,
      () => false,
    );
  }

  /**
   * Posts into a known conversation (a channel, a chat); resolves with the posted activity's id.
   * DeliveryFailed when Teams refuses it (the bot was removed, the channel deleted) or does not
   * answer in time: the caller decides what to tell, nothing is said in that conversation.
   */
  async sendTo(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.within(reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }

  /** Replaces a message the bot posted in a known conversation (a card everyone sees, refreshed). DeliveryFailed as sendTo. */
  async update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.within(reference, async (context) => {
      await context.updateActivity({ type: 'message', ...activity, id: activityId });
    });
  }

  /** Runs `work` in a proactive turn of that conversation, within the delivery deadline. */
  private async within(reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    const delivery = this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        await work(context);
      } catch (error) {
        failure = error; // caught here, or the adapter's onTurnError would try to write into the same broken conversation
      }
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), DELIVERY_DEADLINE_MS)));
    const outcome = await Promise.race([delivery.then(() => 'done' as const), late]).finally(() => clearTimeout(timer));
    if (outcome === 'late') throw new DeliveryFailed(`no answer from the channel within ${DELIVERY_DEADLINE_MS} ms`);
    if (failure) throw new DeliveryFailed(`the channel refused the message: ${(failure as Error).message}`);
  }
}
