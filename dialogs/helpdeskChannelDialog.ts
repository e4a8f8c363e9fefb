import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Authorizer } from '../bot/authorization';
import { Localizer } from '../bot/i18n';
import { fold } from '../bot/nlu/entities';
import { ConversationDirectory } from '../bot/storage/conversationDirectory';
import { localeOf } from '../bot/turn';

export const HELPDESK_CHANNEL_DIALOG = 'helpdeskChannelDialog';

/** « ce canal est le canal du support », "this is the helpdesk channel": said by an administrator, in that channel. */
export function designatesHelpdeskChannel(text: string): boolean {
  return /\b(canal (du|de) (support|l'assistance|helpdesk)|helpdesk channel|support channel)\b/.test(fold(text));
}

export class HelpdeskChannelDialog extends ComponentDialog {
  constructor(private readonly authorizer: Authorizer, private readonly conversations: ConversationDirectory, private readonly localizer: Localizer) {
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
    await this.conversations.setHelpdeskChannel(step.context);
    await step.context.sendActivity(this.localizer.t(locale, 'helpdesk.configured'));
    return step.endDialog();
  }
}
