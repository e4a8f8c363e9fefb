import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Recognition } from '../../bot/nlu/recognizer';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from './knowledgeDialog';

/**
 * A request the bot explains rather than does, routed like any other: the knowledge article it
 * asks for, chosen from its words (« crée un utilisateur » → how to make the account in the admin
 * center; « on peut acheter des licences ? » → how to buy them).
 */
export class ArticleDialog extends ComponentDialog {
  constructor(
    id: string,
    knowledge: KnowledgeDialog,
    private readonly articleFor: (text: string) => string,
  ) {
    super(id);
    this.addDialog(knowledge);
    this.addDialog(new WaterfallDialog('article', [this.explainStep.bind(this)]));
    this.initialDialogId = 'article';
  }

  private async explainStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    return step.replaceDialog(KNOWLEDGE_DIALOG, { articleId: this.articleFor(step.options.text) });
  }
}
