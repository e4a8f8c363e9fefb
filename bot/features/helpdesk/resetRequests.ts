import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { ActionClaims } from '../../policy/actionClaims';
import { AuditLog } from '../../policy/audit';
import { AppError, NotFound } from '../../policy/errors';
import type { Locale } from '../../presentation/i18n';
import { ConversationDirectory } from '../../storage/conversationDirectory';
import type { HelpdeskChannel } from './helpdeskChannel';
import { RecordTable } from '../../storage/recordTable';
import type { DirectoryService } from '../directory/directory';
import { PasswordService } from '../passwords/passwordService';
import { PASSWORD_RESETTERS, rolesAbleToReset } from '../passwords/resetPolicy';

export interface ResetRequest {
  id: string;
  requester: { id: string; name: string; upn: string; locale: Locale };
  /** Who receives the temporary password: the requester, or their manager when they asked for it. */
  deliverTo: { id: string; name: string; manager: boolean };
  createdAt: string;
  status: 'pending' | 'approved' | 'refused';
  decidedBy?: string;
  decidedAt?: string;
  /** The reason a technician gave for a refusal. */
  reason?: string;
  /** Closed without a decision on the password: the requester's account no longer exists. */
  requesterGone?: boolean;
  /** The card posted in the helpdesk channel, updated for everyone once decided. */
  cardActivityId?: string;
  /** The conversation the card was posted to: decisions are taken there. */
  cardConversationId?: string;
  /** False when the approved password could not reach its recipient privately (it is never kept). */
  delivered?: boolean;
}

/**
 * The helpdesk as Teams shows it: posts and messages, each worded and carded by the dialogs
 * (dialogs/helpdesk/helpdeskCards.ts). The service decides; this says.
 */
export interface HelpdeskMessages {
  /** Posts the request's card in the helpdesk channel; its activity id. DeliveryFailed when the channel refuses. */
  post(channel: Partial<ConversationReference>, request: ResetRequest, locale: Locale): Promise<string | undefined>;
  /** The temporary password, privately to whom the request says; false when it cannot reach them. */
  deliverPassword(request: ResetRequest, password: string): Promise<boolean>;
  tellRefused(request: ResetRequest): Promise<void>;
  tellGivenToManager(request: ResetRequest): Promise<void>;
}

interface RoleReader {
  /** Read from Entra now: a decision is checked at the click. */
  currentRolesOf(userId: string): Promise<string[]>;
}

export interface ResetRequestServices {
  table: RecordTable<ResetRequest>;
  conversations: ConversationDirectory;
  directory: DirectoryService;
  roles: RoleReader;
  passwords: PasswordService;
  audit: AuditLog;
  claims: ActionClaims;
  messages: HelpdeskMessages;
  helpdesk: HelpdeskChannel;
}

/** Who decides, where, and what. */
export interface DecisionAsked {
  decider: { id: string; name: string };
  /** The conversation the click came from. */
  conversationId: string;
  verb: 'resetApprove' | 'resetRefuse';
  requestId: string;
  reason?: string;
  correlationId: string;
}

export type Decision =
  | { outcome: 'unknown' }
  /** Decided already: the decision stands, shown again. */
  | { outcome: 'shown'; request: ResetRequest }
  /** Refused before anything was claimed: the request is exactly as it was. */
  /**
   * Nothing changed. place: clicked elsewhere than the helpdesk channel; role: the clicker is not
   * of the helpdesk (neither may see the request); privilege: of the helpdesk, but their roles
   * cannot reset this requester (`roles` would).
   */
  | { outcome: 'refused'; request: ResetRequest; because: 'place' | 'role' | 'privilege'; roles: string[] }
  /** The reset failed in Graph: the claim was given back, the request is still pending. */
  | { outcome: 'failed'; request: ResetRequest; error: AppError }
  | { outcome: 'decided'; request: ResetRequest };

/**
 * Password resets asked for by users and decided by the helpdesk: the request is kept in Table
 * Storage (it survives a restart) and posted in the helpdesk channel; the first decision counts;
 * the requester hears the outcome privately, with the temporary password when approved. A request
 * the channel refuses stays saved and is posted again later.
 */
export class ResetRequests {
  constructor(private readonly s: ResetRequestServices) {}

  /**
   * Files a request for this user: 'filed' (in the helpdesk channel), 'saved' (kept, but the
   * channel refused it: delivery is retried and its designator told), or why not.
   */
  async file(requester: { id: string; locale: Locale }, toManager = false): Promise<'filed' | 'saved' | 'noChannel' | 'noManager'> {
    if (!(await this.s.helpdesk.designated())) return 'noChannel';
    const person = await this.s.directory.person(requester.id);
    const manager = toManager ? await this.s.directory.managerOf(person.id) : undefined;
    if (toManager && !manager) return 'noManager';
    const request: ResetRequest = {
      id: randomUUID(),
      requester: { id: person.id, name: person.displayName, upn: person.userPrincipalName, locale: requester.locale },
      deliverTo: manager ? { id: manager.id, name: manager.displayName, manager: true } : { id: person.id, name: person.displayName, manager: false },
      createdAt: new Date().toISOString(),
      status: 'pending',
    };
    await this.save(request);
    return (await this.deliver(request)) ? 'filed' : 'saved';
  }

  /** The language of the helpdesk channel's cards: its designator's (everyone in the channel sees one card). */
  channelLocale(): Promise<Locale> {
    return this.s.helpdesk.locale();
  }

  hasChannel(): Promise<boolean> {
    return this.s.helpdesk.designated();
  }

  /** Requests still waiting for a decision, oldest first (for « demandes en attente »). */
  async pending(): Promise<ResetRequest[]> {
    const pending = await this.s.table.list('reset', 1000, { status: 'pending' });
    return pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
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
   * Approve or Refuse, clicked on a request's card. Everything that can refuse the click is
   * checked before anything is claimed or shown: the click comes from the helpdesk channel (or the
   * conversation that holds the card), the clicker's Entra roles allow the decision — for an
   * approval, resetting this requester's password — and the request is still pending. A refused click leaves the
   * request exactly as it was (and is audited). Then the first decision claims the request; if the
   * reset then fails, the claim is given back.
   */
  async decide(asked: DecisionAsked): Promise<Decision> {
    const request = await this.s.table.get('reset', asked.requestId);
    if (!request) return { outcome: 'unknown' };
    const operation = asked.verb === 'resetApprove' ? 'password.request.approve' : 'password.request.refuse';
    const audit = {
      correlationId: asked.correlationId,
      caller: asked.decider,
      operation,
      target: request.requester.upn,
      parameters: { requestId: request.id },
    };
    if (!(await this.s.conversations.inHelpdesk(asked.conversationId, request.cardConversationId))) {
      await this.s.audit.record({ ...audit, outcome: 'refused', error: 'not from the helpdesk channel' });
      return { outcome: 'refused', request, because: 'place', roles: [] };
    }
    const target = await this.targetRoles(request);
    const needed = asked.verb === 'resetApprove' && target !== undefined ? rolesAbleToReset(target) : [...PASSWORD_RESETTERS];
    const deciderRoles = await this.s.roles.currentRolesOf(asked.decider.id);
    if (!deciderRoles.some((role) => needed.includes(role))) {
      await this.s.audit.record({ ...audit, outcome: 'refused', error: 'roles do not allow it' });
      const helpdesk = deciderRoles.some((role) => PASSWORD_RESETTERS.includes(role));
      return { outcome: 'refused', request, because: helpdesk ? 'privilege' : 'role', roles: needed };
    }
    if (request.status !== 'pending') return { outcome: 'shown', request };
    const claim = `reset-${request.id}`;
    if (!(await this.s.claims.claim(claim, asked.decider.id, asked.verb))) {
      return { outcome: 'shown', request: (await this.s.table.get('reset', request.id)) ?? request };
    }
    try {
      await this.carryOut(asked, request, target, audit);
      return { outcome: 'decided', request };
    } catch (error) {
      // Nothing was decided: the request stays pending and anyone with the role may decide it.
      await this.s.claims.release(claim);
      if (!(error instanceof AppError)) throw error;
      return { outcome: 'failed', request, error };
    }
  }

  /** The decision, once claimed: refuse, close (the requester is gone), or reset and deliver. */
  private async carryOut(
    asked: DecisionAsked,
    request: ResetRequest,
    target: string[] | undefined,
    audit: Omit<Parameters<AuditLog['record']>[0], 'outcome'>,
  ): Promise<void> {
    const decided = { decidedBy: asked.decider.name, decidedAt: new Date().toISOString() };
    if (asked.verb === 'resetRefuse') {
      Object.assign(request, { status: 'refused', ...decided, reason: asked.reason?.trim() || undefined });
      await this.save(request);
      await this.s.audit.record({ ...audit, outcome: 'refused' });
      await this.s.messages.tellRefused(request);
      return;
    }
    if (target === undefined) {
      Object.assign(request, { status: 'refused', ...decided, requesterGone: true });
      await this.save(request);
      return;
    }
    // The intent is kept before the reset is sent (storage down: nothing is done). Graph's answer lost:
    // the audit says so, then the reset is read back or done again, so that the password is known.
    await this.s.audit.intend(audit);
    const { password, receipt, redone } = await this.s.passwords.resetKnowingOutcome(request.requester.id, (lost) =>
      this.s.audit.settle({ ...audit, outcome: 'unknown', error: lost.message, graphRequestId: lost.requestId }),
    );
    Object.assign(request, { status: 'approved', ...decided });
    await this.s.audit.settle({
      ...audit,
      outcome: 'succeeded',
      graphRequestId: receipt.requestId,
      ...(redone ? { error: 'answer lost, outcome unreadable; done again' } : {}),
    });
    // The password exists only in this turn: if it cannot be delivered, the card says so and it is lost, never stored.
    request.delivered = await this.s.messages.deliverPassword(request, password);
    // The reset is done whatever storage does now: the claim stays held (no second reset), and the card says what was decided.
    await this.save(request).catch(() => undefined);
    if (request.delivered && request.deliverTo.manager) await this.s.messages.tellGivenToManager(request);
  }

  /**
   * Posts a request in the helpdesk channel (in the language of the admin who designated it).
   * False when there is no channel or it refused the post: the request stays saved, and the
   * designator is told privately, once, that the channel no longer works.
   */
  private async deliver(request: ResetRequest): Promise<boolean> {
    const posted = await this.s.helpdesk.post((channel, locale) => this.s.messages.post(channel, request, locale));
    if (typeof posted === 'string') return false;
    request.cardActivityId = posted.activityId;
    request.cardConversationId = posted.conversationId;
    await this.save(request);
    return true;
  }

  /** The requester's roles now; undefined when their account no longer exists. */
  private async targetRoles(request: ResetRequest): Promise<string[] | undefined> {
    try {
      await this.s.directory.person(request.requester.id);
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
    return this.s.roles.currentRolesOf(request.requester.id);
  }

  /** Kept whole, with its status as a column to find the pending ones by. */
  private save(request: ResetRequest): Promise<void> {
    return this.s.table.put('reset', request.id, request, { status: request.status });
  }
}
