import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogEvent,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { passwordCard } from '../../bot/presentation/passwordCard';
import { Localizer, Params } from '../../bot/presentation/i18n';
import { extractEntities, fold } from '../../bot/nlu/entities';
import type { Operation } from '../../bot/policy/capabilities';
import { operationNamedIn } from '../../bot/nlu/namedRequests';
import { Intent, isIntent, Recognition, Recognizer } from '../../bot/nlu/recognizer';
import { callerOf, localeOf, ROUTED_OPERATION } from '../../bot/turn/turnSetup';
import { REROUTE_EVENT, takeDropped, takeReroute } from './cancelAndHelpDialog';
import { EXPLAINED } from './coverage';
import { FALLBACK_DIALOG, FallbackDialog } from './fallbackDialog';
import { HelpCard } from './helpCard';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from './knowledgeDialog';
import { negatedOrder, smallTalkOf } from '../../bot/nlu/smallTalk';
import { inAnotherLanguage } from '../../bot/nlu/language';
import { doneElsewhere } from '../../bot/nlu/elsewhere';

export const MAIN_DIALOG = 'mainDialog';

/** Whether a confirmation card has acted already (its token claimed). */
export interface UsedCards {
  wasUsed(token: string): Promise<boolean>;
}

/** Where a request goes: the routes of its operation, and the dialog of the first whose condition it meets (none when it fits none). */
interface Route {
  routes: { dialogId: string }[];
  dialogId?: string;
}

/** Asking to undo what is done (« annule ce que tu as fait », "undo that", "roll it back"), not to stop what is under way. */
const UNDO =
  /\b(undo|revert|roll (it |that )?back|rollback|reviens en arriere|retour en arriere|defai[st]|annule ce que tu as fait|annuler ce qui a ete fait)\b/;

/**
 * Routes what the user asked to the dialog that does it. A card button sends its intent (and the
 * original words) directly. What no dialog does yet is explained from the knowledge base; what is
 * not understood gets choices (FallbackDialog), never a dead end.
 */
export class MainDialog extends ComponentDialog {
  private readonly routes: { intent: Operation; dialogId: string; when?: (recognition: Recognition) => boolean }[] = [];

  constructor(
    private readonly recognizer: Recognizer,
    private readonly helpCard: HelpCard,
    private readonly localizer: Localizer,
    private readonly cards: CardRenderer,
    knowledgeDialog: KnowledgeDialog,
    fallbackDialog: FallbackDialog,
    private readonly usedCards: UsedCards,
    /** In order: the first route of the intent whose `when` accepts the request (or has none) takes it. */
    capabilities: { intent: Operation; dialog: Dialog; when?: (recognition: Recognition) => boolean }[],
  ) {
    super(MAIN_DIALOG);
    this.addDialog(knowledgeDialog);
    this.addDialog(fallbackDialog);
    for (const { intent, dialog, when } of capabilities) {
      if (!this.findDialog(dialog.id)) this.addDialog(dialog);
      this.routes.push({ intent, dialogId: dialog.id, when });
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

  /** A dialog in progress handed this message back (a new request): the dialogs under this one are gone, and it is routed afresh. */
  protected override async onPreBubbleEvent(dc: DialogContext, event: DialogEvent): Promise<boolean> {
    return event.name === REROUTE_EVENT || super.onPreBubbleEvent(dc, event);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await super.onContinueDialog(innerDc);
    return takeReroute(innerDc.context) ? innerDc.beginDialog('route') : result;
  }

  private async understandStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const value = step.context.activity.value as
      { action?: unknown; text?: unknown; article?: unknown; confirm?: unknown; pick?: unknown; incidentForm?: unknown } | undefined;
    if (typeof value?.article === 'string') return step.beginDialog(KNOWLEDGE_DIALOG, { articleId: value.article });
    if ((value as { hide?: unknown } | undefined)?.hide === 'password' && step.context.activity.replyToId) {
      // « Masquer » on a temporary password card: the card is replaced by its hidden form.
      const hidden = passwordCard(this.cards, this.localizer, localeOf(step.context), '', '');
      await step.context.updateActivity({ id: step.context.activity.replyToId, type: 'message', attachments: [hidden] });
      return step.endDialog();
    }
    if (value && (value.confirm !== undefined || value.pick !== undefined || value.incidentForm !== undefined) && value.action === undefined) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), ...(await this.strayAnswer(step.context))));
      return step.endDialog();
    }
    const recognition = await this.understand(step.context);
    const asked = this.askedByName(recognition.text, value?.action);
    // A request in progress was dropped for this one: said first. The same request typed again
    // (the incident form open, and the problem described in words) starts afresh with what was written.
    const dropped = takeDropped(step.context);
    let route: Route | undefined;
    if (dropped !== undefined) {
      route = this.routeOf(recognition, asked);
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), dropped === route.dialogId ? 'interrupt.restarted' : 'interrupt.dropped'));
    }
    if (!value && recognition.text.trim() === '') return this.nothingWritten(step);
    // « ayuda por favor… », « Привет… »: said in both languages the bot reads, rather than guessed at.
    if (!value && inAnotherLanguage(recognition.text)) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), 'language.unsupported'));
      return step.endDialog();
    }
    // « merci ! », "ok", « qui es-tu ? »: a short answer, not a request to route (nor a « nothing to cancel »).
    const smallTalk = value ? undefined : smallTalkOf(recognition.text);
    if (smallTalk === 'lost') {
      // « je suis perdu »: what the bot can do, for the roles they hold.
      await this.helpCard.show(step.context);
      return step.endDialog();
    }
    if (smallTalk) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), `smallTalk.${smallTalk}`));
      return step.endDialog();
    }
    // « ne donne pas de licence à Paul », "don't reset Julie's password": nothing to do, whatever the words would start.
    if (!value && negatedOrder(recognition.text)) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), 'negatedOrder.nothing'));
      return step.endDialog();
    }
    // « renomme le compte de Julie », "create a Teams channel": administration done elsewhere, and where.
    const elsewhere = value ? undefined : doneElsewhere(recognition.text);
    if (elsewhere) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), `elsewhere.${elsewhere}`));
      return step.endDialog();
    }
    const { intent } = recognition;
    step.context.turnState.set(ROUTED_OPERATION, asked ?? intent);
    route ??= this.routeOf(recognition, asked);
    const { routes, dialogId } = route;
    if (dialogId) return step.beginDialog(dialogId, recognition);
    // The intent has dialogs but the request fits none of them (« ajoute Paul au service Ventes » names no
    // licence): not understood, and the fallback offers the likeliest requests.
    if (routes.length > 0) return step.beginDialog(FALLBACK_DIALOG, recognition);
    switch (intent) {
      case 'help':
        await this.helpCard.show(step.context);
        return step.endDialog();
      case 'cancel':
        // "undo that", « reviens en arrière »: a change already made is undone by asking for its opposite.
        await step.context.sendActivity(this.localizer.t(localeOf(step.context), UNDO.test(fold(recognition.text)) ? 'cancel.undo' : 'cancel.nothing'));
        return step.endDialog();
      case 'none':
        return step.beginDialog(FALLBACK_DIALOG, recognition);
      default:
        return step.beginDialog(KNOWLEDGE_DIALOG, { intent, text: recognition.text, notYet: !EXPLAINED.includes(intent) });
    }
  }

  /** The routes of the operation asked for, and the dialog of the first whose condition the request meets (read only when routing). */
  private routeOf(recognition: Recognition, asked: Operation | undefined): Route {
    const routes = this.routes.filter((r) => r.intent === (asked ?? recognition.intent));
    return { routes, dialogId: routes.find((r) => !r.when || r.when(recognition))?.dialogId };
  }

  /** The operations asked for by name rather than through an intent label (the labels are a contract). */
  private askedByName(text: string, action: unknown): Operation | undefined {
    if (action === 'audit.read' || action === 'helpdesk.pending' || action === 'incident.open') return action;
    if (action !== undefined) return undefined;
    return operationNamedIn(text);
  }

  /**
   * A confirmation or a choice that no dialog of this person waits for: a card offered to someone
   * else (in a group chat or a channel everyone sees it), a card already used, or one whose request
   * ended (cancelled, replaced, or the conversation started afresh).
   */
  private async strayAnswer(context: TurnContext): Promise<[string, Params?]> {
    const value = context.activity.value as { confirm?: string; token?: string; asker?: string; askerName?: string };
    if (value.asker && value.asker !== callerOf(context).id) return ['confirm.notYours', { name: value.askerName ?? '' }];
    if (value.confirm === undefined) return ['card.expired'];
    return value.token && (await this.usedCards.wasUsed(value.token)) ? ['confirm.stale'] : ['confirm.nothingPending'];
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  /**
   * A message with no words: a bare @mention (« @Assistant ») gets the help card; a picture or a file
   * alone gets asked for words, as the bot reads none of them.
   */
  private async nothingWritten(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const files = (step.context.activity.attachments ?? []).filter((a) => a.contentType !== 'text/html');
    if (files.length > 0) await step.context.sendActivity(this.localizer.t(localeOf(step.context), 'message.attachmentOnly'));
    else await this.helpCard.show(step.context);
    return step.endDialog();
  }

  /** A card button names its intent (an unknown one counts as not understood); a message goes to the recognizer. */
  private async understand(context: TurnContext): Promise<Recognition> {
    const value = context.activity.value as { action?: unknown; text?: unknown; sku?: unknown } | undefined;
    if (value && value.action !== undefined) {
      const text = typeof value.text === 'string' ? value.text : '';
      const intent: Intent = isIntent(value.action) ? value.action : 'none';
      const entities = extractEntities(text);
      if (typeof value.sku === 'string') entities.push({ type: 'sku', value: value.sku });
      return { text, intent, score: 1, entities, clicked: true };
    }
    return this.recognizer.recognize(context.activity.text ?? '');
  }
}
