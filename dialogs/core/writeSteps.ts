import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ActionClaims } from '../../bot/policy/actionClaims';
import type { Operation } from '../../bot/policy/capabilities';
import { AuditLog } from '../../bot/policy/audit';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { AppError, RoleRequired, WriteOutcomeUnknown } from '../../bot/policy/errors';
import type { Person } from '../../bot/features/directory/directory';
import type { WriteReceipt } from '../../bot/features/licences/licenses';
import { Localizer, Params } from '../../bot/presentation/i18n';
import type { Recognition } from '../../bot/nlu/recognizer';
import { askerOf, callerOf, correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import type { Interruptions } from './cancelAndHelpDialog';
import { CardPrompt, CardPromptOptions, ChoiceValidations, choicePromptId } from './cardPrompt';
import { typedYesOrNo } from '../../bot/nlu/smallTalk';
import { isPersonalChat } from '../../bot/turn/teamsGuard';
import { NameFinder, RESOLVE_USER_DIALOG } from './resolveUserDialog';
import { capabilityGrant } from '../../bot/nlu/entities';

/** What the dialogs that write to the tenant share: services, and the steps every write goes through. */
export interface WriteServices {
  authorizer: Authorizer;
  audit: AuditLog;
  claims: ActionClaims;
  names: NameFinder;
  cards: CardRenderer;
  localizer: Localizer;
  interruptions: Interruptions;
}

export interface Confirmation {
  /** The operation it confirms, as the audit log names it (a refused click is audited under it). */
  operation: string;
  title: string;
  facts: { title: string; value: string }[];
  note?: string;
}

export interface Write {
  operation: string;
  /** Checked again at the click (RoleRequired when the caller may no longer do it). */
  authorize(): Promise<void>;
  /** What the write is about, as the audit log names it: a user's address, a domain. */
  target: string;
  parameters: Record<string, string | number | boolean>;
  run(): Promise<WriteReceipt[]>;
  /** Said once it is done (nothing when it shows the result itself). */
  done(): Promise<string | undefined>;
  /**
   * When Graph's answer was lost: whether the write took effect, read back from the tenant (true:
   * done, false: not done, undefined: it cannot tell). Without it, the user is told the outcome is unknown.
   */
  verify?(): Promise<boolean | undefined>;
  /** When reading back cannot tell either: done again, so that its outcome is known (a reset: a fresh password, said as such). */
  redo?: boolean;
}

/** A write as the audit log names it, before its outcome. */
type AuditEntry = Omit<Parameters<AuditLog['record']>[0], 'outcome'>;

type Step = WaterfallStepContext<Recognition>;

/** A confirmation card waiting for its answer: what it showed, to whom, where. */
interface PendingConfirmation {
  operation: string;
  token: string;
  asker: { id: string; name: string };
  conversationId: string;
  card: { title: string; facts: { title: string; value: string }[]; note: string; confirmTitle: string; cancelTitle: string };
}

const CONFIRM_PROMPT = 'confirmCard';

/**
 * The steps every write goes through, whatever the capability: who the caller is allowed to be,
 * who the target is, a choice on a card, the confirmation card, acting once, the audit. A dialog
 * using them adds the prompts it asks with (confirmPrompt(), choicePrompt()).
 */
export class WriteSteps {
  constructor(protected readonly s: WriteServices) {}

  t(context: TurnContext, key: string, params: Params = {}): string {
    return this.s.localizer.t(localeOf(context), key, params);
  }

  /** The caller's Entra roles must allow the operation (RoleRequired otherwise: nothing happens). */
  async authorize(step: Step, intent: Operation): Promise<void> {
    await this.s.authorizer.require(intent, step.context.activity.from?.aadObjectId);
  }

  /**
   * A request answered in words rather than done (« one person at a time », « two requests »): said
   * only to a caller the operation's roles allow, like the write itself; nothing is done.
   */
  async explainInstead(step: Step, intent: Operation, key: string): Promise<DialogTurnResult> {
    await this.authorize(step, intent);
    await step.context.sendActivity(this.t(step.context, key));
    return step.endDialog();
  }

  /** The first step of a licence dialog: the caller must be allowed, then who the request is about. */
  async findTarget(step: Step, intent: Operation): Promise<DialogTurnResult> {
    await this.authorize(step, intent);
    // Asked who, the question says what for (« À qui attribuer une licence ? »), where the locale files have it.
    const locale = localeOf(step.context);
    const ask = this.s.localizer.has(locale, `resolveUser.ask.${intent}`) ? this.s.localizer.t(locale, `resolveUser.ask.${intent}`) : undefined;
    return step.beginDialog(RESOLVE_USER_DIALOG, { ...this.whoFrom(step.options), ask });
  }

  /** Options for ResolveUserDialog from what the request said. */
  whoFrom(recognition: Recognition): { email?: string; words?: string[] } {
    const email = recognition.entities.find((e) => e.type === 'email')?.value;
    // « Lina doit pouvoir gérer les licences »: the person is the one who must be able to, not the words of what.
    return email ? { email } : { words: this.s.names.in(capabilityGrant(recognition.text)?.who ?? recognition.text) };
  }

  /**
   * A card to choose one value among `choices`, asked with the choice prompt of its kind (`pick`,
   * added to the dialog with choicePrompt()): the next step gets the value chosen. A click on an
   * older card of the same kind does not count; a wrong answer gets the card again.
   */
  async askChoice(
    step: WaterfallStepContext,
    pick: string,
    title: string,
    labelKey: string,
    choices: { title: string; value: string }[],
    names?: Record<string, string>,
  ): Promise<DialogTurnResult> {
    const nonce = randomUUID();
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
    const options: CardPromptOptions<ChoiceValidations> = {
      prompt: { type: 'message', attachments: [card] },
      // An answer it could not take gets the card again, saying why and how to stop.
      retryPrompt: { type: 'message', text: this.t(step.context, 'choice.retry'), attachments: [card] },
      validations: { pick, nonce, values: choices.map((c) => c.value), names, titles: choices.map((c) => c.title) },
    };
    return step.prompt(choicePromptId(pick), options);
  }

  /**
   * The confirmation card; its token is what makes a second click harmless. It is bound to the
   * person it is offered to and to this conversation: nobody else's click can make it act. The
   * next step gets 'yes' or 'no' from the asker's click (confirmedOnce, actOnConfirmation).
   */
  async askToConfirm(step: WaterfallStepContext, confirmation: Confirmation): Promise<DialogTurnResult> {
    const pending: PendingConfirmation = {
      operation: confirmation.operation,
      token: randomUUID(),
      asker: callerOf(step.context),
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
    const card = this.confirmationCard(pending, '');
    const options: CardPromptOptions<PendingConfirmation> = {
      prompt: { type: 'message', attachments: [card] },
      retryPrompt: { type: 'message', text: this.t(step.context, 'confirm.waiting'), attachments: [card] },
      validations: pending,
    };
    return step.prompt(CONFIRM_PROMPT, options);
  }

  /**
   * The prompt of the confirmation card: it takes a click of this card's buttons by the person it
   * was offered to, in the conversation it was offered in. Anyone else's click is refused (and
   * audited), changes nothing and claims nothing; a click on another card says it has expired;
   * anything else gets the card again.
   */
  confirmPrompt(): CardPrompt<'yes' | 'no', PendingConfirmation> {
    const read = (context: TurnContext, pending: PendingConfirmation) => {
      const value = context.activity.value as { confirm?: 'yes' | 'no'; token?: string } | undefined;
      if (value === undefined) return isPersonalChat(context) ? typedYesOrNo(context.activity.text ?? '') : undefined;
      return value.confirm !== undefined && value.token === pending.token ? value.confirm : undefined;
    };
    return new CardPrompt(CONFIRM_PROMPT, read, async (prompt: PromptValidatorContext<'yes' | 'no'>) => {
      const { context } = prompt;
      const pending = (prompt.options as CardPromptOptions<PendingConfirmation>).validations;
      if (!prompt.recognized.succeeded) {
        const clicked = (context.activity.value as { confirm?: string } | undefined)?.confirm !== undefined;
        if (clicked) await context.sendActivity(this.t(context, 'card.expired'));
        // Typed « oui » where others see the card: the card's buttons alone answer it.
        else if (typedYesOrNo(context.activity.text ?? '')) await context.sendActivity(this.t(context, 'confirm.useTheCard'));
        return false;
      }
      if (context.activity.from?.aadObjectId !== pending.asker.id || context.activity.conversation.id !== pending.conversationId) {
        await this.auditRefusal(context, pending, 'not the person the card was offered to');
        await context.sendActivity(this.t(context, 'confirm.notYours', { name: pending.asker.name }));
        return false;
      }
      return true;
    });
  }

  /**
   * The asker's answer to the confirmation card (the step after askToConfirm): undefined when this
   * turn may act; otherwise the dialog result to return. It acts only on Confirm, when the asker's
   * roles (read again from Entra at the click) still allow it, and only once (the token is claimed
   * in Table Storage); with `intent`, only once the audit log has taken the write's intent.
   */
  async confirmedOnce(
    step: WaterfallStepContext,
    operation: string,
    authorize: () => Promise<void>,
    intent?: AuditEntry,
  ): Promise<DialogTurnResult | undefined> {
    const pending = (step.values as { confirmation?: PendingConfirmation }).confirmation!;
    if (step.result !== 'yes') {
      await this.closeCard(step.context, pending, 'confirm.closedDeclined');
      await step.context.sendActivity(this.t(step.context, 'confirm.declined'));
      return step.endDialog();
    }
    try {
      await authorize();
    } catch (error) {
      if (!(error instanceof RoleRequired)) throw error;
      await this.auditRefusal(step.context, pending, 'roles no longer allow it');
      await step.context.sendActivity(userMessageFor(error, localeOf(step.context), this.s.localizer, correlationIdOf(step.context)));
      return step.endDialog();
    }
    if (!(await this.s.claims.claim(pending.token, pending.asker.id, operation))) {
      await step.context.sendActivity(this.t(step.context, 'confirm.stale'));
      return step.endDialog();
    }
    // The write's intent is kept before anything is sent: when storage does not take it, nothing is done and the card still acts.
    if (intent) {
      await this.s.audit.intend(intent).catch(async (error: unknown) => {
        await this.s.claims.release(pending.token).catch(() => undefined);
        throw error;
      });
    }
    await this.closeCard(step.context, pending, 'confirm.closedConfirmed');
    return undefined;
  }

  private confirmationCard(pending: PendingConfirmation, closed: string) {
    return this.s.cards.attachment('confirmAction', { ...pending.card, token: pending.token, asker: pending.asker.id, askerName: pending.asker.name, closed });
  }

  /**
   * The answered card is replaced, for everyone in the conversation, by its read-only form saying
   * who answered: nobody is left facing buttons that no longer do anything.
   */
  private async closeCard(context: TurnContext, pending: PendingConfirmation, key: string): Promise<void> {
    const id = context.activity.replyToId;
    if (!id) return;
    const card = this.confirmationCard(pending, this.t(context, key, { name: pending.asker.name }));
    await context.updateActivity({ id, type: 'message', attachments: [card] }).catch(() => undefined); // a card Teams cannot update stays as it was
  }

  /** A click refused at the confirmation is kept in the audit log too: who tried, on which card, why it was refused. */
  private async auditRefusal(context: TurnContext, pending: PendingConfirmation, why: string): Promise<void> {
    await this.s.audit.record({
      correlationId: correlationIdOf(context),
      caller: callerOf(context),
      operation: pending.operation,
      target: '',
      parameters: { card: pending.card.title },
      outcome: 'refused',
      error: why,
    });
  }

  /** The check a write makes again at the click: the caller's roles, read from Entra now, must still allow `intent`. */
  requireRole(step: WaterfallStepContext, intent: Operation): () => Promise<void> {
    return async () => {
      await this.s.authorizer.requireNow(intent, step.context.activity.from?.aadObjectId);
    };
  }

  /** After the confirmation card: acts once (confirmedOnce), audits the outcome, success or failure, and tells the user. */
  async actOnConfirmation(step: WaterfallStepContext, operation: Write): Promise<DialogTurnResult> {
    AuditLog.assertNoSecrets(operation.parameters);
    const audit: AuditEntry = {
      correlationId: correlationIdOf(step.context),
      caller: callerOf(step.context),
      operation: operation.operation,
      target: operation.target,
      parameters: operation.parameters,
    };
    const notNow = await this.confirmedOnce(step, operation.operation, operation.authorize, audit);
    if (notNow) return notNow;
    let receipts: WriteReceipt[];
    try {
      receipts = await operation.run();
    } catch (error) {
      if (error instanceof WriteOutcomeUnknown) return this.readBack(step, operation, audit, error);
      if (!(error instanceof AppError)) throw error;
      // Graph refused, or was never reached: the tenant is as it was.
      await this.s.audit.settle({ ...audit, outcome: 'failed', error: error.message, graphRequestId: error.requestId });
      const explained = userMessageFor(error, localeOf(step.context), this.s.localizer, correlationIdOf(step.context));
      await step.context.sendActivity(`${explained} ${this.t(step.context, 'write.failed')}`);
      return step.endDialog();
    }
    await this.s.audit.settle({ ...audit, outcome: 'succeeded', graphRequestId: receipts.map((r) => r.requestId).join(' ') });
    return this.tellDone(step, operation);
  }

  private async tellDone(step: WaterfallStepContext, operation: Write, before?: string): Promise<DialogTurnResult> {
    if (before) await step.context.sendActivity(before);
    const said = await operation.done();
    if (said) await step.context.sendActivity(said);
    return step.endDialog(true);
  }

  /**
   * Graph's answer to the write was lost: the write may have happened. The audit says so first
   * (`unknown`), then the tenant is read back and the user told what is true, and the audit records
   * the outcome found. When nothing can tell, a write that may be done again is (a reset ends with
   * a password the administrator holds); any other is said to be unknown, with how to check.
   */
  private async readBack(step: WaterfallStepContext, operation: Write, audit: AuditEntry, lost: WriteOutcomeUnknown): Promise<DialogTurnResult> {
    await this.s.audit.settle({ ...audit, outcome: 'unknown', error: lost.message, graphRequestId: lost.requestId });
    // A write Graph may still be carrying out is given a moment; even then, not seeing it proves nothing.
    await lost.settled();
    const read = operation.verify ? await operation.verify().catch(() => undefined) : undefined;
    const found = read === false && lost.stillRunning ? undefined : read;
    if (found === true) {
      await this.s.audit.settle({ ...audit, outcome: 'succeeded', error: 'answer lost; found done on reading back', graphRequestId: lost.requestId });
      return this.tellDone(step, operation, this.t(step.context, 'write.foundDone'));
    }
    if (found === false) {
      await this.s.audit.settle({ ...audit, outcome: 'failed', error: 'answer lost; found not done on reading back', graphRequestId: lost.requestId });
      await step.context.sendActivity(this.t(step.context, 'write.foundNotDone'));
      return step.endDialog();
    }
    if (operation.redo) {
      try {
        const receipts = await operation.run();
        await this.s.audit.settle({
          ...audit,
          outcome: 'succeeded',
          error: 'answer lost, outcome unreadable; done again',
          graphRequestId: receipts.map((r) => r.requestId).join(' '),
        });
        return this.tellDone(step, operation, this.t(step.context, 'write.redone'));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await this.s.audit.settle({
          ...audit,
          outcome: error instanceof WriteOutcomeUnknown ? 'unknown' : 'failed',
          error: `done again: ${error.message}`,
          graphRequestId: error.requestId,
        });
      }
    }
    await step.context.sendActivity(
      `${this.t(step.context, 'write.unknown')} ${this.t(step.context, 'error.reference', { correlationId: correlationIdOf(step.context) })}`,
    );
    return step.endDialog();
  }
}

/** The person the resolving step passed on (a child dialog's result); not a message text or an article id. */
export function personPassedOn(step: WaterfallStepContext): Person | undefined {
  const result: unknown = step.result;
  return result && typeof result === 'object' && 'userPrincipalName' in result ? (result as Person) : undefined;
}
