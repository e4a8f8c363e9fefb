import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { CardRenderer } from '../bot/cards';
import { Localizer } from '../bot/i18n';
import { Intent, isIntent, Recognizer } from '../bot/recognizer';
import { localeOf } from '../bot/turn';
import { welcomeCard } from '../bot/welcome';

export const MAIN_DIALOG = 'mainDialog';

/** Routes what the user asked to the dialog that does it; a card button sends its intent directly. */
export class MainDialog extends ComponentDialog {
  private readonly routes = new Map<Intent, string>();

  constructor(
    private readonly recognizer: Recognizer,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    capabilities: { intent: Intent; dialog: Dialog }[],
  ) {
    super(MAIN_DIALOG);
    for (const { intent, dialog } of capabilities) {
      this.addDialog(dialog);
      this.routes.set(intent, dialog.id);
    }
    this.addDialog(new WaterfallDialog('route', [this.understandStep.bind(this), this.finishStep.bind(this)]));
    this.initialDialogId = 'route';
  }

  /** Runs the dialog stack for one turn, starting this dialog when nothing is active. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async understandStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const intent = await this.intentOf(step.context);
    const dialogId = this.routes.get(intent);
    if (dialogId) return step.beginDialog(dialogId);
    const locale = localeOf(step.context);
    const lead = intent === 'none' ? this.localizer.t(locale, 'fallback.notUnderstood') : undefined;
    await step.context.sendActivity({ attachments: [welcomeCard(this.cards, this.localizer, locale, lead)] });
    return step.endDialog();
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private async intentOf(context: TurnContext): Promise<Intent> {
    const value = context.activity.value as { action?: unknown } | undefined;
    if (value && value.action !== undefined) return isIntent(value.action) ? value.action : 'none';
    const recognition = await this.recognizer.recognize(context.activity.text ?? '');
    return recognition.intent;
  }
}
