import { ActivityHandler, AdaptiveCardInvokeResponse, BotState, InvokeResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import { CardAnswerRules, CardInvoke } from '../policy/cardData';
import { rootCause, StorageFault } from '../policy/errors';
import { CardRenderer } from '../presentation/cardRenderer';
import { Localizer } from '../presentation/i18n';
import { Logger } from './logger';
import { ConversationDirectory } from '../storage/conversationDirectory';
import { localeOf, loggerOf, ROUTED_OPERATION, routedOperationOf } from '../turn/turnSetup';
import { welcomeCard } from '../presentation/welcome';
import { NO_TELEMETRY, Telemetry } from './telemetry';
import { cardResponse } from '../../dialogs/core/routes';

/** What the bot runs for each message: the main dialog, seen through this small interface. */
export interface DialogRunner {
  run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void>;
}

/** Universal Actions (Action.Execute) the bot answers, by verb: each feature's handlers. */
export type CardActions = ReadonlyMap<string, (context: TurnContext, invoke: CardInvoke) => Promise<AdaptiveCardInvokeResponse>>;

/**
 * The ActivityHandler: welcomes whoever adds the bot, runs the dialogs for every message,
 * remembers where to reach each user later (proactive messages), and saves state at the end of the turn.
 *
 * Dialogs are kept per person and per conversation (PrivateConversationState): in a group chat or
 * a channel, each member has their own requests in progress, and nobody's message or click can
 * answer a question the bot asked someone else.
 */
export class AssistantBot extends ActivityHandler {
  private readonly dialogState;

  constructor(
    /** Every state the turn may change, saved at its end (the conversation's, each member's dialogs, the user's). */
    private readonly states: BotState[],
    dialogStates: BotState,
    private readonly dialogs: DialogRunner,
    private readonly conversations: ConversationDirectory,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    private readonly logger: Logger,
    private readonly cardActions: CardActions,
    private readonly cardRules: CardAnswerRules,
    private readonly telemetry: Telemetry = NO_TELEMETRY,
  ) {
    super();
    this.dialogState = dialogStates.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      if (!this.cardRules.isValidSubmit(context.activity.value)) {
        loggerOf(context, this.logger).warn('card answer refused: not what our cards send');
        await context.sendActivity(this.localizer.t(localeOf(context), 'card.invalid'));
        return;
      }
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

  /** adaptiveCard/action invokes (Action.Execute): checked here, whatever their shape, before any service reads them. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const invoke = this.cardRules.validInvoke(context.activity.value);
    let response: AdaptiveCardInvokeResponse;
    const handler = invoke && this.cardActions.get(invoke.verb);
    if (invoke) context.turnState.set(ROUTED_OPERATION, invoke.verb);
    if (invoke && handler) {
      response = await handler(context, invoke);
    } else {
      loggerOf(context, this.logger).warn('card action refused: unknown verb or data');
      response = cardResponse(this.cards.bind('notice', { text: this.localizer.t(localeOf(context), 'card.invalid') }));
    }
    return { status: response.statusCode, body: response };
  }

  override async run(context: TurnContext): Promise<void> {
    await this.telemetry.turn(context.activity.type ?? 'unknown', async () => {
      await super.run(context);
      await this.save(context);
      return routedOperationOf(context);
    });
  }

  /**
   * Saves the turn's states. When storage fails after the turn has answered, what it did and said
   * stands: the user is told that where the conversation stood may be forgotten, never that nothing
   * changed. Before any answer, the failure is the turn's (the adapter says nothing was done).
   */
  private async save(context: TurnContext): Promise<void> {
    try {
      for (const state of this.states) await state.saveChanges(context, false);
    } catch (error) {
      if (!context.responded || !(rootCause(error) instanceof StorageFault)) throw error;
      loggerOf(context, this.logger).warn('the turn answered, then its state could not be saved', { error });
      if (context.activity.type !== 'message') return;
      await context.sendActivity(this.localizer.t(localeOf(context), 'turn.stateNotSaved')).catch(() => undefined);
    }
  }
}
