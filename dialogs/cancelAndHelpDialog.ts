import { ActivityTypes, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogContext, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';

/** What any step of any dialog must honour: « annuler » / "cancel" and « aide » / "help". */
export interface Interruptions {
  /** Whether the message asks to cancel or for help (anything else is the dialog's business). */
  classify(context: TurnContext): Promise<'cancel' | 'help' | undefined>;
  cancelled(context: TurnContext): Promise<void>;
  help(context: TurnContext): Promise<void>;
}

/**
 * The base of every multi-turn dialog: before a step sees the user's answer, « annuler » ends the
 * whole conversation flow (nothing half-done is left: writes happen only after a confirmation), and
 * « aide » shows the help card and waits, the dialog still where it was.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  constructor(id: string, protected readonly interruptions: Interruptions) {
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
    return undefined;
  }
}
