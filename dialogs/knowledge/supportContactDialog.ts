import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { AppError } from '../../bot/policy/errors';
import { Localizer } from '../../bot/presentation/i18n';
import type { Recognition } from '../../bot/nlu/recognizer';
import { localeOf } from '../../bot/turn/turnSetup';
import type { CallerRoles } from '../core/helpCard';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from '../core/knowledgeDialog';

export const SUPPORT_CONTACT_DIALOG = 'supportContactDialog';

/**
 * « je veux parler au support », "I need someone from IT": who the support is depends on who asks.
 * Microsoft's support is opened from the admin center, by some administrator roles: an
 * administrator gets that article. Anyone else means their organisation's helpdesk, which takes
 * the incidents reported here: they are told so, with the buttons to report one or follow theirs.
 */
export class SupportContactDialog extends ComponentDialog {
  constructor(
    private readonly roles: CallerRoles,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    knowledge: KnowledgeDialog,
  ) {
    super(SUPPORT_CONTACT_DIALOG);
    this.addDialog(knowledge);
    this.addDialog(new WaterfallDialog('contact', [this.answerStep.bind(this)]));
    this.initialDialogId = 'contact';
  }

  private async answerStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    if (await this.isAdministrator(step)) return step.replaceDialog(KNOWLEDGE_DIALOG, { intent: 'support.contact', text: step.options.text });
    const locale = localeOf(step.context);
    const t = (key: string) => this.localizer.t(locale, key);
    const card = this.cards.attachment('knowledgeArticle', {
      lead: '',
      title: t('supportContact.internal.title'),
      paragraphs: t('supportContact.internal.body').split(/\n{2,}/),
      relatedTitle: '',
      related: [],
      links: [],
      next: [
        { title: t('intent.incident.declare'), action: 'incident.declare' },
        { title: t('intent.incident.status'), action: 'incident.status' },
      ],
      sources: [],
      sourcesText: '',
    });
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }

  /** Whether the caller holds an administrator role in Entra; when the roles cannot be read, the article for administrators (it names the internal helpdesk too). */
  private async isAdministrator(step: WaterfallStepContext): Promise<boolean> {
    const userId = step.context.activity.from?.aadObjectId;
    if (!userId) return false;
    try {
      return (await this.roles.rolesOf(userId)).length > 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return true;
    }
  }
}
