import { ActivityTypes, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { CardPrompt } from './cardPrompt';

/** What any step of any dialog must honour: « annuler » / "cancel", « aide » / "help", and a new request. */
export interface Interruptions {
  /** Whether the message asks to cancel or for help (anything else is the dialog's business). */
  classify(context: TurnContext): Promise<'cancel' | 'help' | undefined>;
  cancelled(context: TurnContext): Promise<void>;
  help(context: TurnContext): Promise<void>;
  /**
   * Whether a typed message the step could not take as its answer is a request of its own
   * (« combien de licences il reste ? » while a confirmation waits), rather than a wrong answer to ask again.
   */
  isNewRequest(context: TurnContext): Promise<boolean>;
}

const REROUTE = Symbol('reroute');
/** The event that ends every dialog up to the one that handles it (the main dialog). */
export const REROUTE_EVENT = 'assistant.reroute';

/** Ends every dialog in progress and has the main dialog take this same message afresh. */
export function reroute(dc: DialogContext): Promise<DialogTurnResult> {
  dc.context.turnState.set(REROUTE, true);
  return dc.cancelAllDialogs(true, REROUTE_EVENT);
}

const DROPPED = Symbol('dropped');

/**
 * Drops every dialog in progress, remembering which request was dropped (the dialog the main dialog
 * had started), and has the main dialog take this same message afresh: it tells the user, once it
 * knows where the message goes (dialogs/core/mainDialog.ts).
 */
export function dropAndReroute(dc: DialogContext): Promise<DialogTurnResult> {
  let under: DialogContext = dc;
  // Up to the main dialog's own stack, whose active dialog is the request in progress.
  while (under.parent?.parent) under = under.parent;
  dc.context.turnState.set(DROPPED, under.activeDialog?.id ?? '');
  return reroute(dc);
}

/** The id of the dialog whose request a new one dropped in this turn (once), if any. */
export function takeDropped(context: TurnContext): string | undefined {
  const dropped = context.turnState.get(DROPPED) as string | undefined;
  context.turnState.delete(DROPPED);
  return dropped;
}

/** True once in a turn whose message was handed back by reroute(). */
export function takeReroute(context: TurnContext): boolean {
  const asked = context.turnState.get(REROUTE) === true;
  context.turnState.delete(REROUTE);
  return asked;
}

/**
 * The base of every multi-turn dialog: before a step sees the user's answer, « annuler » ends the
 * whole conversation flow (nothing half-done is left: writes happen only after a confirmation), and
 * « aide » shows the help card and waits, the dialog still where it was; while a card waits for its
 * answer, a typed request of its own drops the dialog (nothing was done) and is answered.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly interruptions: Interruptions,
  ) {
    super(id);
  }

  override async onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(dc);
    return interrupted ?? super.onContinueDialog(dc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    if (dc.context.activity.type !== ActivityTypes.Message) return undefined;
    const kind = await this.interruptions.classify(dc.context);
    if (kind === 'cancel') {
      await this.interruptions.cancelled(dc.context);
      return dc.cancelAllDialogs(true);
    }
    if (kind === 'help') {
      await this.interruptions.help(dc.context);
      return { status: DialogTurnStatus.waiting };
    }
    // A card waits for its answer and the user typed a request of its own: nothing was done, and the request is answered.
    const waiting = dc.activeDialog && dc.findDialog(dc.activeDialog.id);
    if (waiting instanceof CardPrompt && (await this.interruptions.isNewRequest(dc.context))) return dropAndReroute(dc);
    return undefined;
  }
}
