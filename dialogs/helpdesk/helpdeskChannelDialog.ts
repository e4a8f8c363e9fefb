import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Authorizer } from '../../bot/policy/authorization';
import { Localizer } from '../../bot/presentation/i18n';
import { ConversationDirectory } from '../../bot/storage/conversationDirectory';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';

export const HELPDESK_CHANNEL_DIALOG = 'helpdeskChannelDialog';

/** The requests the helpdesk channel has not received yet (it refused them, or none was designated). */
export interface UndeliveredRequests {
  deliverPending(): Promise<number>;
}

/**
 * Designates the channel where the helpdesk receives requests. Whoever designates it is told
 * privately if it stops working; requests that could not be posted before are posted now.
 */
export class HelpdeskChannelDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly conversations: ConversationDirectory,
    private readonly undelivered: UndeliveredRequests,
    private readonly localizer: Localizer,
  ) {
    super(HELPDESK_CHANNEL_DIALOG);
    this.addDialog(new WaterfallDialog('designate', [this.designateStep.bind(this)]));
    this.initialDialogId = 'designate';
  }

  private async designateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.authorizer.require('helpdesk.configure', step.context.activity.from?.aadObjectId);
    const locale = localeOf(step.context);
    if (step.context.activity.conversation?.conversationType !== 'channel') {
      await step.context.sendActivity(this.localizer.t(locale, 'helpdesk.notAChannel'));
      return step.endDialog();
    }
    await this.conversations.setHelpdeskChannel(step.context, { ...callerOf(step.context), locale });
    await step.context.sendActivity(this.localizer.t(locale, 'helpdesk.configured'));
    const delivered = await this.undelivered.deliverPending();
    if (delivered > 0) await step.context.sendActivity(this.localizer.t(locale, 'helpdesk.deliveredPending', { count: delivered }));
    return step.endDialog();
  }
}
