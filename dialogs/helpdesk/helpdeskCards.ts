import { Activity, AdaptiveCardInvokeResponse, Attachment, ConversationReference, TurnContext } from 'botbuilder';
import type { HelpdeskMessages, ResetRequest, ResetRequests } from '../../bot/features/helpdesk/resetRequests';
import type { PrivateMessenger } from '../../bot/host/proactive';
import type { CardInvoke } from '../../bot/policy/cardData';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import { roleNames, userMessageFor } from '../../bot/presentation/errorMessages';
import type { Locale, Localizer } from '../../bot/presentation/i18n';
import { passwordCard } from '../../bot/presentation/passwordCard';
import type { HelpdeskDesignator } from '../../bot/storage/conversationDirectory';
import { callerOf, correlationIdOf } from '../../bot/turn/turnSetup';
import { cardResponse } from '../core/routes';
import { typedText } from '../../bot/presentation/typedText';

/**
 * The helpdesk in Teams: the request cards posted in the helpdesk channel, and the private
 * messages to requesters and to the channel's designator (HelpdeskMessages, for the ResetRequests
 * service).
 */
export class HelpdeskCards implements HelpdeskMessages {
  constructor(
    private readonly messenger: PrivateMessenger,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  post(channel: Partial<ConversationReference>, request: ResetRequest, locale: Locale): Promise<string | undefined> {
    return this.messenger.sendTo(channel, { attachments: [this.card(request, locale)] });
  }

  deliverPassword(request: ResetRequest, password: string): Promise<boolean> {
    const card = passwordCard(this.cards, this.localizer, request.requester.locale, request.requester.name, password);
    return this.messenger.send(request.deliverTo.id, { attachments: [card] });
  }

  async tellRefused(request: ResetRequest): Promise<void> {
    const locale = request.requester.locale;
    const reason = request.reason ? typedText(request.reason) : this.localizer.t(locale, 'request.noReason');
    await this.messenger.send(request.requester.id, { text: this.localizer.t(locale, 'request.refusedNotice', { by: request.decidedBy ?? '', reason }) });
  }

  async tellGivenToManager(request: ResetRequest): Promise<void> {
    await this.messenger.send(request.requester.id, {
      text: this.localizer.t(request.requester.locale, 'request.givenToManager', { manager: request.deliverTo.name }),
    });
  }

  /** Tells the administrator who designated the helpdesk channel that it no longer takes posts. */
  async tellChannelBroken(designator: HelpdeskDesignator): Promise<void> {
    await this.messenger.send(designator.id, { text: this.localizer.t(designator.locale, 'helpdesk.broken') });
  }

  /** The request's card with a line for the clicker alone (why their click did nothing). */
  withNote(request: ResetRequest, locale: Locale, text: string): Record<string, unknown> {
    const card = this.card(request, locale).content as { body: unknown[] };
    card.body.push({ type: 'TextBlock', text, wrap: true, color: 'Attention' });
    return card;
  }

  card(request: ResetRequest, locale: Locale): Attachment {
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const at = (iso?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso ?? Date.now()));
    const pending = request.status === 'pending';
    const reason = request.requesterGone
      ? t('request.requesterGone', { name: request.requester.name })
      : request.reason
        ? typedText(request.reason)
        : t('request.noReason');
    const status = pending
      ? t('request.pending')
      : request.status === 'approved'
        ? t(request.delivered === false ? 'request.undelivered' : 'request.approved', {
            by: request.decidedBy!,
            at: at(request.decidedAt),
            name: request.deliverTo.name,
          })
        : t('request.refused', { by: request.decidedBy!, at: at(request.decidedAt), reason });
    return this.cards.attachment('resetRequest', {
      title: t('request.title'),
      fromLabel: t('request.from'),
      requester: `${request.requester.name} (${request.requester.upn})`,
      atLabel: t('request.at'),
      at: at(request.createdAt),
      deliverLabel: t('request.deliverTo'),
      deliverTo: request.deliverTo.manager ? t('request.toManager', { name: request.deliverTo.name }) : t('request.toSelf'),
      status,
      statusColor: pending ? 'Default' : request.status === 'approved' ? 'Good' : 'Attention',
      pending,
      reasonLabel: t('request.reasonLabel'),
      actions: pending
        ? [
            { title: t('request.approve'), verb: 'resetApprove', style: 'positive', requestId: request.id },
            { title: t('request.refuse'), verb: 'resetRefuse', style: 'destructive', requestId: request.id },
          ]
        : [],
    });
  }
}

/** The answers to Approve and Refuse (Action.Execute): the card returned to the clicker, and refreshed for everyone in the channel. */
export class ResetRequestActions {
  constructor(
    private readonly requests: ResetRequests,
    private readonly helpdesk: HelpdeskCards,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  /** Approve / Refuse clicked on a request card (its data already validated). */
  async decide(context: TurnContext, invoke: CardInvoke): Promise<AdaptiveCardInvokeResponse> {
    // One card for everyone in the channel, in the channel's language.
    const locale = await this.requests.channelLocale();
    const decider = callerOf(context);
    const decision = await this.requests.decide({
      decider,
      conversationId: context.activity.conversation.id,
      verb: invoke.verb as 'resetApprove' | 'resetRefuse',
      requestId: invoke.data.requestId,
      reason: invoke.data.reason,
      correlationId: correlationIdOf(context),
    });
    switch (decision.outcome) {
      case 'unknown':
        return cardResponse(this.cards.bind('notice', { text: this.localizer.t(locale, 'request.unknown') }));
      case 'shown':
        return cardResponse(this.helpdesk.card(decision.request, locale).content);
      case 'refused': {
        const roles = roleNames(decision.roles, locale, this.localizer);
        // A technician whose roles fall short for this requester sees the request they work on, and why.
        if (decision.because === 'privilege') {
          const text = this.localizer.t(locale, 'request.notPrivileged', { by: decider.name, name: decision.request.requester.name, roles });
          return cardResponse(this.helpdesk.withNote(decision.request, locale, text));
        }
        // Anyone else can post a crafted click: their refusal carries nothing of the request.
        const text =
          decision.because === 'place'
            ? this.localizer.t(locale, 'request.wrongPlace')
            : this.localizer.t(locale, 'request.notAllowed', { by: decider.name, roles });
        return cardResponse(this.cards.bind('notice', { text }));
      }
      case 'failed':
        return cardResponse(this.helpdesk.withNote(decision.request, locale, userMessageFor(decision.error, locale, this.localizer, correlationIdOf(context))));
      case 'decided': {
        // Everyone in the channel sees the decision: the posted card is replaced.
        const id = context.activity.replyToId ?? decision.request.cardActivityId;
        const card = this.helpdesk.card(decision.request, locale);
        if (id) await context.updateActivity({ id, type: 'message', attachments: [card] } as Partial<Activity>).catch(() => undefined);
        return cardResponse(card.content);
      }
    }
  }
}
