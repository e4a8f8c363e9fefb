import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { Localizer } from '../../bot/presentation/i18n';
import { KnowledgeBase } from '../../bot/nlu/knowledge';
import { Recognition } from '../../bot/nlu/recognizer';
import { conceptsOf } from '../../bot/nlu/concepts';
import { normalise } from '../../bot/nlu/normalise';
import { localeOf } from '../../bot/turn/turnSetup';

export const FALLBACK_DIALOG = 'fallbackDialog';

/** Never a dead end: a message not understood gets the likeliest intents as buttons and the best articles. */
export class FallbackDialog extends ComponentDialog {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {
    super(FALLBACK_DIALOG);
    this.addDialog(new WaterfallDialog('offer', [this.offerStep.bind(this)]));
    this.initialDialogId = 'offer';
  }

  private async offerStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const recognition = step.options;
    const locale = localeOf(step.context);
    const t = (key: string) => this.localizer.t(locale, key);
    const choices = (recognition.alternatives ?? [])
      // The card always has its Help button: help is not offered twice.
      .filter((a) => a.score >= 0.1 && a.intent !== 'cancel' && a.intent !== 'none' && a.intent !== 'help')
      .slice(0, 3)
      .map((a) => ({ title: t(`intent.${a.intent}`), action: a.intent, text: recognition.text }));
    // Something broken that no intent recognised (« l'imprimante du 2e est en panne », "my laptop is super slow"):
    // the helpdesk can still take it as an incident.
    if (choices.length === 0 && conceptsOf(normalise(recognition.text)).includes('broken')) {
      choices.push({ title: t('intent.incident.declare'), action: 'incident.declare', text: recognition.text });
    }
    const articles = this.knowledge.search(recognition.text, locale, 2).map((a) => ({ title: a.title[locale], id: a.id }));
    const card = this.cards.attachment('fallback', {
      lead: t('fallback.lead'),
      choicesTitle: t('fallback.choices'),
      choices,
      articlesTitle: t('fallback.articles'),
      articles,
      nothing: t('fallback.nothing'),
      helpTitle: t('intent.help'),
    });
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}
