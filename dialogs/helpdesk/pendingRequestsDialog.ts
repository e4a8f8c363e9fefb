import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { ResetRequest } from '../../bot/features/helpdesk/resetRequests';
import { Localizer } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';
import type { UndeliveredRequests } from './helpdeskChannelDialog';

export const PENDING_REQUESTS_DIALOG = 'pendingRequestsDialog';

export interface PendingDesk extends UndeliveredRequests {
  pending(): Promise<ResetRequest[]>;
  hasChannel(): Promise<boolean>;
}

/**
 * The reset requests waiting for a decision, for the helpdesk roles: who asked, when, and whether
 * the helpdesk channel has them. Asking tries once more to post those it does not have.
 */
export class PendingRequestsDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly desk: PendingDesk,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {
    super(PENDING_REQUESTS_DIALOG);
    this.addDialog(new WaterfallDialog('pending', [this.showStep.bind(this)]));
    this.initialDialogId = 'pending';
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.authorizer.require('helpdesk.pending', step.context.activity.from?.aadObjectId);
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    await this.desk.deliverPending();
    const [requests, hasChannel] = await Promise.all([this.desk.pending(), this.desk.hasChannel()]);
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
    const card = this.cards.attachment('pendingRequests', {
      title: t('pending.title'),
      subtitle: requests.length > 0 ? t('pending.subtitle', { count: requests.length }) : t('pending.empty'),
      requests: requests.map((r) => ({
        requester: `${r.requester.name} (${r.requester.upn})`,
        line: t('pending.line', { at: when.format(new Date(r.createdAt)), state: t(r.cardActivityId ? 'pending.inChannel' : 'pending.notDelivered') }),
        delivered: Boolean(r.cardActivityId),
      })),
      note: hasChannel ? '' : t('pending.noChannel'),
    });
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}
