import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Dialog, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ActionClaims } from '../../bot/policy/actionClaims';
import type { Operation } from '../../bot/policy/capabilities';
import { AuditLog } from '../../bot/policy/audit';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { AppError, GraphTimeout, RoleRequired } from '../../bot/policy/errors';
import type { Person } from '../../bot/features/directory/directory';
import { LicensePlan, LicenseService, plansMeant, WriteReceipt } from '../../bot/features/licences/licenses';
import { Localizer, Params } from '../../bot/presentation/i18n';
import { extractEntities } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import { askerOf, callerOf, correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import type { Interruptions } from './cancelAndHelpDialog';
import { NameFinder, RESOLVE_USER_DIALOG } from './resolveUserDialog';

/** What the dialogs that write to the tenant share: services, and the steps every write goes through. */
export interface WriteServices {
  authorizer: Authorizer;
  licenses: LicenseService;
  audit: AuditLog;
  claims: ActionClaims;
  names: NameFinder;
  cards: CardRenderer;
  localizer: Localizer;
  interruptions: Interruptions;
}

export interface Confirmation {
  title: string;
  facts: { title: string; value: string }[];
  note?: string;
}

export interface Write {
  operation: string;
  /** Checked again at the click (RoleRequired when the caller may no longer do it). */
  authorize(): Promise<void>;
  target: Person;
  parameters: Record<string, string | number | boolean>;
  run(): Promise<WriteReceipt[]>;
  /** Said once it is done (nothing when it shows the result itself). */
  done(): Promise<string | undefined>;
}

type Step = WaterfallStepContext<Recognition>;

/** A confirmation card waiting for its answer: what it showed, to whom, where. */
interface PendingConfirmation {
  token: string;
  asker: { id: string; name: string };
  conversationId: string;
  card: { title: string; facts: { title: string; value: string }[]; note: string; confirmTitle: string; cancelTitle: string };
}

/** The shared steps: who the caller is allowed to be, who the target is, which plan, confirm, act once, audit. */
export class WriteSteps {
  constructor(private readonly s: WriteServices) {}

  t(context: TurnContext, key: string, params: Params = {}): string {
    return this.s.localizer.t(localeOf(context), key, params);
  }

  /** The caller's Entra roles must allow the operation (RoleRequired otherwise: nothing happens). */
  async authorize(step: Step, intent: Operation): Promise<void> {
    await this.s.authorizer.require(intent, step.context.activity.from?.aadObjectId);
  }

  /** The first step of a licence dialog: the caller must be allowed, then who the request is about. */
  async findTarget(step: Step, intent: Operation): Promise<DialogTurnResult> {
    await this.authorize(step, intent);
    return step.beginDialog(RESOLVE_USER_DIALOG, this.whoFrom(step.options));
  }

  /** Options for ResolveUserDialog from what the request said. */
  whoFrom(recognition: Recognition): { email?: string; words?: string[] } {
    const email = recognition.entities.find((e) => e.type === 'email')?.value;
    return email ? { email } : { words: this.s.names.in(recognition.text) };
  }

  /** The tenant's plans named in the request (all of them when « E3 » is ambiguous and both are held). */
  plansNamed(recognition: Recognition, inventory: LicensePlan[]): LicensePlan[][] {
    return recognition.entities.filter((e) => e.type === 'sku').map((e) => plansMeant(e.candidates ?? [e.value], inventory));
  }

  /**
   * A card to choose one value among `choices`. The answer comes back as { pick, choice, nonce }
   * and is read with choice(): a click on an older card of the same kind does not count.
   */
  async askChoice(
    step: WaterfallStepContext,
    pick: string,
    title: string,
    labelKey: string,
    choices: { title: string; value: string }[],
  ): Promise<DialogTurnResult> {
    const nonce = randomUUID();
    const values = step.values as { choiceNonces?: Record<string, string> };
    values.choiceNonces = { ...values.choiceNonces, [pick]: nonce };
    const card = this.s.cards.attachment('choose', {
      pick,
      title,
      label: this.t(step.context, labelKey),
      choices,
      confirmTitle: this.t(step.context, 'plan.choose'),
      cancelTitle: this.t(step.context, 'confirm.no'),
      nonce,
      ...askerOf(step.context),
    });
    await step.context.sendActivity({ attachments: [card] });
    return Dialog.EndOfTurn;
  }

  /**
   * A step's answer was not one it can take: a typed new request drops this dialog (nothing was
   * done) and starts that request; anything else gets the question again, the step still waiting.
   */
  async askAgain(step: WaterfallStepContext, ask: () => Promise<unknown>): Promise<DialogTurnResult> {
    if (await this.s.interruptions.isNewRequest(step.context)) return this.s.interruptions.dropAndReroute(step);
    await ask();
    return repeatStep(step);
  }

  /** The value picked on this dialog's latest `pick` card; undefined for any other answer. */
  choice(step: WaterfallStepContext, pick: string): string | undefined {
    const value = step.context.activity.value as { pick?: string; choice?: string; nonce?: string } | undefined;
    const nonce = (step.values as { choiceNonces?: Record<string, string> }).choiceNonces?.[pick];
    return value?.pick === pick && nonce !== undefined && value.nonce === nonce ? value.choice : undefined;
  }

  /** A card to choose a plan among `plans`, each with its free units. */
  askPlan(step: WaterfallStepContext, question: string, plans: LicensePlan[]): Promise<DialogTurnResult> {
    const choices = plans.map((p) => ({ title: this.t(step.context, 'plan.choice', { plan: p.name, free: p.free }), value: p.skuId }));
    return this.askChoice(step, 'plan', question, 'plan.label', choices);
  }

  /** The plan picked on the card, or named in a typed answer; undefined when neither. */
  pickedPlan(step: WaterfallStepContext, plans: LicensePlan[]): LicensePlan | undefined {
    const value = step.context.activity.value as { pick?: string } | undefined;
    if (value?.pick === 'plan') {
      const skuId = this.choice(step, 'plan');
      return skuId ? plans.find((p) => p.skuId === skuId) : undefined;
    }
    const text = step.context.activity.text ?? '';
    const named = this.plansNamed({ text, intent: 'none', score: 0, entities: extractEntities(text) }, plans).flat();
    return named.length === 1 ? named[0] : undefined;
  }

  /**
   * The confirmation card; its token is what makes a second click harmless. It is bound to the
   * person it is offered to and to this conversation: nobody else's click can make it act.
   */
  async askToConfirm(step: WaterfallStepContext, confirmation: Confirmation): Promise<DialogTurnResult> {
    const asker = callerOf(step.context);
    const pending: PendingConfirmation = {
      token: randomUUID(),
      asker,
      conversationId: step.context.activity.conversation.id,
      card: {
        title: confirmation.title,
        facts: confirmation.facts,
        note: confirmation.note ?? this.t(step.context, 'confirm.note'),
        confirmTitle: this.t(step.context, 'confirm.yes'),
        cancelTitle: this.t(step.context, 'confirm.no'),
      },
    };
    (step.values as { confirmation?: PendingConfirmation }).confirmation = pending;
    await this.showConfirmation(step.context, pending);
    return Dialog.EndOfTurn;
  }

  private async showConfirmation(context: TurnContext, pending: PendingConfirmation): Promise<void> {
    const card = this.s.cards.attachment('confirmAction', { ...pending.card, token: pending.token, asker: pending.asker.id, askerName: pending.asker.name });
    await context.sendActivity({ attachments: [card] });
  }

  /**
   * The answer to the confirmation card: undefined when this turn may act; otherwise the dialog
   * result to return. It acts only on a click of this card's Confirm, by the person it was offered
   * to, in the conversation it was offered in, whose roles (read again from Entra, a minute's cache
   * at most) still allow it, and only once (the token is claimed in Table Storage). Anyone else's
   * click changes nothing and claims nothing. A typed message that is a new request drops this one
   * (nothing done) and starts it; any other message gets the card again.
   */
  async confirmedOnce(step: WaterfallStepContext, operation: string, authorize: () => Promise<void>): Promise<DialogTurnResult | undefined> {
    const pending = (step.values as { confirmation?: PendingConfirmation }).confirmation!;
    const value = step.context.activity.value as { confirm?: string; token?: string } | undefined;
    if (value?.confirm === undefined) {
      if (await this.s.interruptions.isNewRequest(step.context)) return this.s.interruptions.dropAndReroute(step);
      await step.context.sendActivity(this.t(step.context, 'confirm.waiting'));
      await this.showConfirmation(step.context, pending);
      return repeatStep(step);
    }
    if (value.token !== pending.token) {
      await step.context.sendActivity(this.t(step.context, 'card.expired'));
      return repeatStep(step);
    }
    const clicker = step.context.activity.from?.aadObjectId;
    if (clicker !== pending.asker.id || step.context.activity.conversation.id !== pending.conversationId) {
      await this.auditRefusal(step.context, operation, pending, 'not the person the card was offered to');
      await step.context.sendActivity(this.t(step.context, 'confirm.notYours', { name: pending.asker.name }));
      return repeatStep(step);
    }
    if (value.confirm === 'no') {
      await step.context.sendActivity(this.t(step.context, 'confirm.declined'));
      return step.endDialog();
    }
    try {
      await authorize();
    } catch (error) {
      if (!(error instanceof RoleRequired)) throw error;
      await this.auditRefusal(step.context, operation, pending, 'roles no longer allow it');
      await step.context.sendActivity(userMessageFor(error, localeOf(step.context), this.s.localizer, correlationIdOf(step.context)));
      return step.endDialog();
    }
    if (!(await this.s.claims.claim(pending.token, pending.asker.id, operation))) {
      await step.context.sendActivity(this.t(step.context, 'confirm.stale'));
      return step.endDialog();
    }
    return undefined;
  }

  /** A click refused at the confirmation is kept in the audit log too: who tried, on which card, why it was refused. */
  private async auditRefusal(context: TurnContext, operation: string, pending: PendingConfirmation, why: string): Promise<void> {
    await this.s.audit.record({
      correlationId: correlationIdOf(context),
      caller: callerOf(context),
      operation,
      target: '',
      parameters: { card: pending.card.title },
      outcome: 'refused',
      error: why,
    });
  }

  /** The check a write makes again at the click: the caller's roles must still allow `intent`. */
  requireRole(step: WaterfallStepContext, intent: Operation): () => Promise<void> {
    return () => this.authorize(step as Step, intent);
  }

  /** After the confirmation card: acts once (confirmedOnce), audits the outcome, success or failure, and tells the user. */
  async actOnConfirmation(step: WaterfallStepContext, operation: Write): Promise<DialogTurnResult> {
    AuditLog.assertNoSecrets(operation.parameters);
    const notNow = await this.confirmedOnce(step, operation.operation, operation.authorize);
    if (notNow) return notNow;
    const audit = {
      correlationId: correlationIdOf(step.context),
      caller: callerOf(step.context),
      operation: operation.operation,
      target: operation.target.userPrincipalName,
      parameters: operation.parameters,
    };
    let receipts: WriteReceipt[];
    try {
      receipts = await operation.run();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const uncertain = error instanceof GraphTimeout;
      await this.s.audit.record({ ...audit, outcome: uncertain ? 'unknown' : 'failed', error: error.message, graphRequestId: error.requestId });
      const explained = userMessageFor(error, localeOf(step.context), this.s.localizer, correlationIdOf(step.context));
      // Graph refused: the tenant is as it was. Graph timed out: it may have acted, and the user is told to check.
      await step.context.sendActivity(uncertain ? explained : `${explained} ${this.t(step.context, 'write.failed')}`);
      return step.endDialog();
    }
    await this.s.audit.record({ ...audit, outcome: 'succeeded', graphRequestId: receipts.map((r) => r.requestId).join(' ') });
    const said = await operation.done();
    if (said) await step.context.sendActivity(said);
    return step.endDialog(true);
  }

  /** Free units of a plan as they are now (after the write). */
  async freeNow(plan: LicensePlan): Promise<number> {
    return (await this.s.licenses.inventory()).find((p) => p.skuId === plan.skuId)?.free ?? 0;
  }
}

/** Waits for another answer to this same step (the waterfall would otherwise move on). */
export function repeatStep(step: WaterfallStepContext): DialogTurnResult {
  (step.activeDialog!.state as { stepIndex: number }).stepIndex = step.index - 1;
  return Dialog.EndOfTurn;
}

/**
 * The plan the previous step passed on with step.next(plan). When the step instead resumes on the
 * user's answer, the waterfall hands it the message text: that is not a plan.
 */
export function planPassedOn(step: WaterfallStepContext): LicensePlan | undefined {
  const result: unknown = step.result;
  return result && typeof result === 'object' && 'skuId' in result ? (result as LicensePlan) : undefined;
}

/** The person the resolving step passed on (a child dialog's result); not a message text or an article id. */
export function personPassedOn(step: WaterfallStepContext): Person | undefined {
  const result: unknown = step.result;
  return result && typeof result === 'object' && 'userPrincipalName' in result ? (result as Person) : undefined;
}
