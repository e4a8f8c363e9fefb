import { randomUUID } from 'node:crypto';
import { Activity, AdaptiveCardInvokeResponse, Attachment, TurnContext } from 'botbuilder';
import { CardInvoke } from '../../policy/cardData';
import { ActionClaims } from '../../policy/actionClaims';
import { AuditLog } from '../../policy/audit';
import { CardRenderer } from '../../presentation/cardRenderer';
import { roleNames, userMessageFor } from '../../presentation/errorMessages';
import { AppError, DeliveryFailed, NotFound } from '../../policy/errors';
import type { DirectoryService } from '../directory/directory';
import { PasswordService } from '../passwords/passwordService';
import { Locale, Localizer } from '../../presentation/i18n';
import { passwordCard } from '../../presentation/passwordCard';
import { temporaryPassword } from '../passwords/temporaryPassword';
import { PrivateMessenger } from '../../host/proactive';
import { PASSWORD_RESETTERS, rolesAbleToReset } from '../passwords/resetPolicy';
import { ConversationDirectory } from '../../storage/conversationDirectory';
import { RecordTable } from '../../storage/recordTable';
import { callerOf, correlationIdOf, localeOf } from '../../turn/turnSetup';

export interface ResetRequest {
  id: string;
  requester: { id: string; name: string; upn: string; locale: Locale };
  /** Who receives the temporary password: the requester, or their manager when they asked for it. */
  deliverTo: { id: string; name: string; manager: boolean };
  createdAt: string;
  status: 'pending' | 'approved' | 'refused';
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  /** The card posted in the helpdesk channel, updated for everyone once decided. */
  cardActivityId?: string;
  /** The conversation the card was posted to: decisions are taken there. */
  cardConversationId?: string;
  /** False when the approved password could not reach its recipient privately (it is never kept). */
  delivered?: boolean;
}

interface RoleReader {
  rolesOf(userId: string): Promise<string[]>;
}

/**
 * Password resets asked for by users and decided by the helpdesk: the request is kept in Table
 * Storage (it survives a restart), posted in the helpdesk channel on a card with Approve and Refuse
 * (Action.Execute); the first decision counts, the card is refreshed for everyone with who acted,
 * and the requester hears the outcome privately — with the temporary password when approved.
 */
export class ResetRequests {
  constructor(
    private readonly table: RecordTable<ResetRequest>,
    private readonly conversations: ConversationDirectory,
    private readonly messenger: PrivateMessenger,
    private readonly directory: DirectoryService,
    private readonly roles: RoleReader,
    private readonly passwords: PasswordService,
    private readonly audit: AuditLog,
    private readonly claims: ActionClaims,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  /**
   * Files a request from the user of this turn: 'filed' (in the helpdesk channel), 'saved' (kept,
   * but the channel refused it: delivery is retried and its designator told), or why not.
   */
  async file(context: TurnContext, toManager = false): Promise<'filed' | 'saved' | 'noChannel' | 'noManager'> {
    const channel = await this.conversations.helpdeskChannel();
    if (!channel) return 'noChannel';
    const from = context.activity.from;
    const person = await this.directory.person(from.aadObjectId ?? '');
    const manager = toManager ? await this.directory.managerOf(person.id) : undefined;
    if (toManager && !manager) return 'noManager';
    const request: ResetRequest = {
      id: randomUUID(),
      requester: { id: person.id, name: person.displayName, upn: person.userPrincipalName, locale: localeOf(context) },
      deliverTo: manager ? { id: manager.id, name: manager.displayName, manager: true } : { id: person.id, name: person.displayName, manager: false },
      createdAt: new Date().toISOString(),
      status: 'pending',
    };
    await this.save(request);
    return (await this.deliver(request)) ? 'filed' : 'saved';
  }

  async hasChannel(): Promise<boolean> {
    return (await this.conversations.helpdeskChannel()) !== undefined;
  }

  /** Requests still waiting for a decision, oldest first (for « demandes en attente »). */
  async pending(): Promise<ResetRequest[]> {
    const pending = await this.table.list('reset', 1000, { status: 'pending' });
    return pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Kept whole, with its status as a column to find the pending ones by. */
  private save(request: ResetRequest): Promise<void> {
    return this.table.put('reset', request.id, request, { status: request.status });
  }

  /** Posts the requests the helpdesk channel has not received yet; how many it took. Stops at the first refusal. */
  async deliverPending(): Promise<number> {
    let delivered = 0;
    for (const request of (await this.pending()).filter((r) => !r.cardActivityId)) {
      if (!(await this.deliver(request))) break;
      delivered++;
    }
    return delivered;
  }

  /**
   * Posts a request's card in the helpdesk channel (in the language of the admin who designated
   * it). False when there is no channel or it refused the post: the request stays saved, and the
   * designator is told privately, once, that the channel no longer works.
   */
  private async deliver(request: ResetRequest): Promise<boolean> {
    const [channel, designator] = await Promise.all([this.conversations.helpdeskChannel(), this.conversations.helpdeskDesignator()]);
    if (!channel) return false;
    try {
      request.cardActivityId = await this.messenger.sendTo(channel, { attachments: [this.card(request, designator?.locale ?? 'fr')] });
    } catch (error) {
      if (!(error instanceof DeliveryFailed)) throw error;
      if (designator && (await this.conversations.helpdeskBroken())) {
        await this.messenger.send(designator.id, { text: this.localizer.t(designator.locale, 'helpdesk.broken') });
      }
      return false;
    }
    request.cardConversationId = channel.conversation?.id;
    await this.save(request);
    await this.conversations.helpdeskWorks();
    return true;
  }

  /**
   * Approve / Refuse clicked on a request card (adaptiveCard/action invoke, its data already
   * validated). Everything that can refuse the click is checked before anything is claimed: the
   * request is still pending, the click comes from the helpdesk channel (or the conversation that
   * holds the card), and the clicker's Entra roles allow the decision — for an approval, resetting
   * this requester's password. A refused click leaves the request exactly as it was. Then the
   * first decision claims the request; if the reset then fails, the claim is released.
   */
  async decide(context: TurnContext, invoke: CardInvoke): Promise<AdaptiveCardInvokeResponse> {
    const locale = localeOf(context);
    const request = await this.table.get('reset', invoke.data.requestId);
    if (!request) return this.message(this.localizer.t(locale, 'request.unknown'));
    if (request.status !== 'pending') return this.respond(request, locale); // decided already: show the decision
    const decider = callerOf(context);
    const operation = invoke.verb === 'resetApprove' ? 'password.request.approve' : 'password.request.refuse';
    const refuse = async (why: string, text: string) => {
      await this.audit.record({ correlationId: correlationIdOf(context), caller: decider, operation, target: request.requester.upn, parameters: { requestId: request.id }, outcome: 'refused', error: why });
      return this.message(text, request, locale);
    };
    if (!(await this.fromHelpdesk(context, request))) {
      return refuse('not from the helpdesk channel', this.localizer.t(locale, 'request.wrongPlace'));
    }
    const target = await this.targetRoles(request);
    const deciderRoles = await this.roles.rolesOf(decider.id);
    const approving = invoke.verb === 'resetApprove';
    const needed = approving && target !== undefined ? rolesAbleToReset(target) : [...PASSWORD_RESETTERS];
    if (!deciderRoles.some((role) => needed.includes(role))) {
      const roles = roleNames(needed, locale, this.localizer);
      return refuse('roles do not allow it', this.localizer.t(locale, 'request.notAllowed', { by: decider.name, name: request.requester.name, roles }));
    }
    if (!(await this.claims.claim(`reset-${request.id}`, decider.id, invoke.verb))) {
      return this.respond((await this.table.get('reset', request.id)) ?? request, locale);
    }
    try {
      return await this.carryOut(context, request, invoke, target, locale);
    } catch (error) {
      // Nothing was decided: the request stays pending and anyone with the role may decide it.
      await this.claims.release(`reset-${request.id}`);
      if (!(error instanceof AppError)) throw error;
      return this.message(userMessageFor(error, locale, this.localizer, correlationIdOf(context)), request, locale);
    }
  }

  /** The decision, once claimed: refuse, close (the requester is gone), or reset and deliver. */
  private async carryOut(context: TurnContext, request: ResetRequest, invoke: CardInvoke, target: string[] | undefined, locale: Locale): Promise<AdaptiveCardInvokeResponse> {
    const decider = callerOf(context);
    const decided = { decidedBy: decider.name, decidedAt: new Date().toISOString() };
    const audit = { correlationId: correlationIdOf(context), caller: decider, target: request.requester.upn, parameters: { requestId: request.id } };
    if (invoke.verb === 'resetRefuse') {
      Object.assign(request, { status: 'refused', ...decided, reason: invoke.data.reason?.trim() || undefined });
      await this.save(request);
      await this.audit.record({ ...audit, operation: 'password.request.refuse', outcome: 'refused' });
      const why = request.reason ?? this.localizer.t(request.requester.locale, 'request.noReason');
      await this.messenger.send(request.requester.id, { text: this.localizer.t(request.requester.locale, 'request.refusedNotice', { by: decider.name, reason: why }) }).catch(() => false);
      return this.respondToAll(context, request, locale);
    }
    if (target === undefined) {
      Object.assign(request, { status: 'refused', ...decided, reason: this.localizer.t(locale, 'request.requesterGone', { name: request.requester.name }) });
      await this.save(request);
      return this.respondToAll(context, request, locale);
    }
    const password = temporaryPassword();
    const receipt = await this.passwords.resetTo(request.requester.id, password);
    Object.assign(request, { status: 'approved', ...decided });
    await this.audit.record({ ...audit, operation: 'password.request.approve', outcome: 'succeeded', graphRequestId: receipt.requestId });
    const card = passwordCard(this.cards, this.localizer, request.requester.locale, request.requester.name, password);
    // The password exists only in this turn: if it cannot be delivered, the card says so and it is lost, never stored.
    request.delivered = await this.messenger.send(request.deliverTo.id, { attachments: [card] }).catch(() => false);
    await this.save(request);
    if (request.delivered && request.deliverTo.manager) {
      await this.messenger.send(request.requester.id, { text: this.localizer.t(request.requester.locale, 'request.givenToManager', { manager: request.deliverTo.name }) }).catch(() => false);
    }
    return this.respondToAll(context, request, locale);
  }

  /** The click comes from the channel the helpdesk works in, or from the conversation its card was posted to. */
  private async fromHelpdesk(context: TurnContext, request: ResetRequest): Promise<boolean> {
    const here = channelOf(context.activity.conversation?.id);
    if (!here) return false;
    if (request.cardConversationId && channelOf(request.cardConversationId) === here) return true;
    const channel = await this.conversations.helpdeskChannel();
    return channelOf(channel?.conversation?.id) === here;
  }

  private async targetRoles(request: ResetRequest): Promise<string[] | undefined> {
    try {
      await this.directory.person(request.requester.id);
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
    return this.roles.rolesOf(request.requester.id);
  }

  /** The decided card, for the one who clicked (invoke response) and for everyone (the channel message updated). */
  private async respondToAll(context: TurnContext, request: ResetRequest, locale: Locale): Promise<AdaptiveCardInvokeResponse> {
    const id = context.activity.replyToId ?? request.cardActivityId;
    if (id) await context.updateActivity({ id, type: 'message', attachments: [this.card(request, locale)] } as Partial<Activity>).catch(() => undefined);
    return this.respond(request, locale);
  }

  private respond(request: ResetRequest, locale: Locale): AdaptiveCardInvokeResponse {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.card(request, locale).content };
  }

  private message(text: string, request?: ResetRequest, locale?: Locale): AdaptiveCardInvokeResponse {
    if (request && locale) {
      const card = this.card(request, locale).content as { body: unknown[] };
      card.body.push({ type: 'TextBlock', text, wrap: true, color: 'Attention' });
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.cards.bind('notice', { text }) };
  }

  card(request: ResetRequest, locale: Locale): Attachment {
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const at = (iso?: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso ?? Date.now()));
    const pending = request.status === 'pending';
    const status = pending
      ? t('request.pending')
      : request.status === 'approved'
        ? t(request.delivered === false ? 'request.undelivered' : 'request.approved', { by: request.decidedBy!, at: at(request.decidedAt), name: request.deliverTo.name })
        : t('request.refused', { by: request.decidedBy!, at: at(request.decidedAt), reason: request.reason ?? t('request.noReason') });
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

/** A Teams channel's id without the thread a message sits in (« 19:…@thread.tacv2;messageid=… »). */
function channelOf(conversationId: string | undefined): string | undefined {
  return conversationId?.split(';')[0] || undefined;
}
