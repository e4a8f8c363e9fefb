import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Recognition } from '../../bot/nlu/recognizer';
import { accountArticle } from '../../bot/nlu/namedRequests';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from '../core/knowledgeDialog';

export const USER_ACCOUNT_DIALOG = 'userAccountDialog';

/** A user's account asked for, or its closing: how to do it in the admin center (knowledge articles « account.create », « account.offboard »). */
export class UserAccountDialog extends ComponentDialog {
  constructor(knowledge: KnowledgeDialog) {
    super(USER_ACCOUNT_DIALOG);
    this.addDialog(knowledge);
    this.addDialog(new WaterfallDialog('account', [this.explainStep.bind(this)]));
    this.initialDialogId = 'account';
  }

  private async explainStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    return step.replaceDialog(KNOWLEDGE_DIALOG, { articleId: accountArticle(step.options.text) ?? 'account.create' });
  }
}
