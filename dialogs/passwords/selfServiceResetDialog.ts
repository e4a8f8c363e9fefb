import { Dialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { Locale, Localizer } from '../../bot/presentation/i18n';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';
import { smallTalkOf } from '../../bot/nlu/smallTalk';
import { CancelAndHelpDialog, Interruptions, reroute } from '../core/cancelAndHelpDialog';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from '../core/knowledgeDialog';

export const SELF_SERVICE_RESET_DIALOG = 'selfServiceResetDialog';

export interface ResetRequestDesk {
  file(requester: { id: string; locale: Locale }, toManager?: boolean): Promise<'filed' | 'saved' | 'noChannel' | 'noManager'>;
}

/**
 * « j'ai oublié mon mot de passe », from a user (or an administrator about their own password):
 * self-service reset explained with its link, then an offer to pass a request to the helpdesk,
 * the temporary password to come back to them or to their manager. A typed « oui » takes the offer;
 * anything else typed instead of a click is a message of its own, which the main dialog takes.
 */
export class SelfServiceResetDialog extends CancelAndHelpDialog {
  constructor(
    private readonly requests: ResetRequestDesk,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    knowledge: KnowledgeDialog,
    interruptions: Interruptions,
  ) {
    super(SELF_SERVICE_RESET_DIALOG, interruptions);
    this.addDialog(knowledge);
    this.addDialog(new WaterfallDialog('selfService', [this.explainStep.bind(this), this.offerStep.bind(this), this.fileStep.bind(this)]));
    this.initialDialogId = 'selfService';
  }

  private explainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(KNOWLEDGE_DIALOG, { articleId: 'password.selfService' });
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = (key: string) => this.localizer.t(localeOf(step.context), key);
    const offer = this.cards.attachment('resetOffer', {
      title: t('reset.offerTitle'),
      text: t('reset.offerText'),
      actions: [
        { title: t('reset.offerButton'), action: 'password.reset', text: 'request' },
        { title: t('reset.offerManagerButton'), action: 'password.reset', text: 'request-manager' },
      ],
    });
    await step.context.sendActivity({ attachments: [offer] });
    return Dialog.EndOfTurn;
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // « oui » typed under the offer takes it, as its first button does (the temporary password comes back to them).
    const typedYes = !step.context.activity.value && ['yes', 'ok'].includes(smallTalkOf(step.context.activity.text ?? '') ?? '');
    const value = typedYes ? { action: 'password.reset', text: 'request' } : (step.context.activity.value as { action?: string; text?: string } | undefined);
    if (value?.action !== 'password.reset' || !['request', 'request-manager'].includes(value.text ?? '')) return reroute(step);
    const locale = localeOf(step.context);
    const outcome = await this.requests.file({ id: callerOf(step.context).id, locale }, value.text === 'request-manager');
    const key = { filed: 'reset.filed', saved: 'reset.saved', noChannel: 'reset.noChannel', noManager: 'reset.noManager' }[outcome];
    await step.context.sendActivity(this.localizer.t(locale, key));
    return step.endDialog();
  }
}
