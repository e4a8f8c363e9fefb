import { ActivityHandler, AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ConversationState, TurnContext, UserState } from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import { CardRenderer } from './cards';
import { Localizer } from './i18n';
import { Logger } from './logger';
import { ConversationDirectory } from './storage/conversationDirectory';
import { localeOf, loggerOf } from './turn';
import { welcomeCard } from './welcome';

/** What the bot runs for each message: the main dialog, seen through this small interface. */
export interface DialogRunner {
  run(context: TurnContext, accessor: ReturnType<ConversationState['createProperty']>): Promise<void>;
}

/** Universal Actions (Action.Execute) the bot answers: the helpdesk's decisions on requests. */
export interface CardActions {
  decide(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse>;
}

const CARD_VERBS = ['resetApprove', 'resetRefuse'];

/**
 * The ActivityHandler: welcomes whoever adds the bot, runs the dialogs for every message,
 * remembers where to reach each user later (proactive messages), and saves state at the end of the turn.
 */
export class AssistantBot extends ActivityHandler {
  private readonly dialogState;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialogs: DialogRunner,
    private readonly conversations: ConversationDirectory,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    private readonly logger: Logger,
    private readonly cardActions: CardActions,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      await this.conversations.remember(context);
      await this.dialogs.run(context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      const botAdded = added.some((member) => member.id === context.activity.recipient.id);
      const userAddedToPersonalChat =
        context.activity.conversation.conversationType === 'personal' && added.some((m) => m.id !== context.activity.recipient.id);
      if (botAdded || userAddedToPersonalChat) {
        loggerOf(context, this.logger).info('sending the welcome card');
        await context.sendActivity({ attachments: [welcomeCard(this.cards, this.localizer, localeOf(context))] });
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (!CARD_VERBS.includes(invoke.action.verb)) {
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: `Unknown verb ${invoke.action.verb}` } };
    }
    return this.cardActions.decide(context, invoke);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
