import { randomUUID } from 'node:crypto';
import { DialogTurnResult, OAuthPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { TurnContext } from 'botbuilder';
import { AuditLog } from '../../bot/policy/audit';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { AppError } from '../../bot/policy/errors';
import { MyAccountService } from '../../bot/features/passwords/myAccount';
import { Locale, LOCALES, Localizer } from '../../bot/presentation/i18n';
import { isPersonalChat } from '../../bot/turn/teamsGuard';
import { callerOf, correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog, Interruptions } from '../core/cancelAndHelpDialog';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from '../core/knowledgeDialog';
import { CardPrompt, CardPromptOptions } from '../core/cardPrompt';

export const CHANGE_PASSWORD_DIALOG = 'changePasswordDialog';
/** One sign-in prompt a language: the title of its card is set when the prompt is made. */
const signInPrompt = (locale: Locale) => `signIn.${locale}`;
const FORM_PROMPT = 'passwordForm';

/**
 * « changer mon mot de passe »: with an OAuth connection configured (Teams SSO), in a 1:1 chat,
 * the user signs in, types the current and new passwords in password fields of a card (never in
 * a message), and the bot calls /me/changePassword with their own token. Otherwise, or if sign-in
 * fails, the portal steps from the knowledge base.
 */
export class ChangePasswordDialog extends CancelAndHelpDialog {
  private readonly oauth?: OAuthPrompt;

  constructor(
    connectionName: string,
    private readonly account: MyAccountService,
    private readonly audit: AuditLog,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    knowledge: KnowledgeDialog,
    interruptions: Interruptions,
  ) {
    super(CHANGE_PASSWORD_DIALOG, interruptions);
    this.addDialog(knowledge);
    if (connectionName) {
      for (const locale of LOCALES) {
        this.oauth = new OAuthPrompt(signInPrompt(locale), { connectionName, title: localizer.t(locale, 'signIn.title'), timeout: 300000 });
        this.addDialog(this.oauth);
      }
    }
    this.addDialog(this.formPrompt());
    this.addDialog(new WaterfallDialog('change', [this.signInStep.bind(this), this.formStep.bind(this), this.changeStep.bind(this)]));
    this.initialDialogId = 'change';
  }

  private async signInStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!this.oauth) return step.replaceDialog(KNOWLEDGE_DIALOG, { intent: 'password.change' });
    if (!isPersonalChat(step.context)) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), 'changePassword.privateOnly'));
      return step.endDialog();
    }
    return step.beginDialog(signInPrompt(localeOf(step.context)));
  }

  private async formStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const signedIn = (step.result as { token?: string } | undefined)?.token;
    if (!signedIn) {
      await step.context.sendActivity(this.localizer.t(localeOf(step.context), 'changePassword.notSignedIn'));
      return step.replaceDialog(KNOWLEDGE_DIALOG, { intent: 'password.change' });
    }
    return this.showForm(step);
  }

  private async changeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    // The passwords pass from the prompt to this step in memory: they are never in the stored state.
    const value = step.result as PasswordFields;
    // The token is asked for again rather than kept in the dialog state, which is stored.
    const token = (await this.oauth!.getUserToken(step.context))?.token;
    if (!token) {
      await step.context.sendActivity(this.localizer.t(locale, 'changePassword.notSignedIn'));
      return step.endDialog();
    }
    const entry = {
      correlationId: correlationIdOf(step.context),
      caller: callerOf(step.context),
      operation: 'password.change',
      target: callerOf(step.context).name,
      parameters: {},
    };
    try {
      await this.account.changePassword(token, value.current, value.next);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await this.audit.record({ ...entry, outcome: 'failed', error: error.messageKey });
      await step.context.sendActivity(userMessageFor(error, locale, this.localizer, correlationIdOf(step.context)));
      return step.endDialog();
    }
    await this.audit.record({ ...entry, outcome: 'succeeded' });
    await step.context.sendActivity(this.localizer.t(locale, 'changePassword.done'));
    return step.endDialog(true);
  }

  /** The password form: its three fields filled, the new password typed twice the same; the form again otherwise. */
  private formPrompt(): CardPrompt<PasswordFields, { nonce: string }> {
    const read = (context: TurnContext, form: { nonce: string }) => {
      const value = context.activity.value as { changePassword?: string; current?: string; next?: string; again?: string } | undefined;
      return value?.changePassword === form.nonce ? { current: value.current ?? '', next: value.next ?? '', again: value.again ?? '' } : undefined;
    };
    return new CardPrompt(FORM_PROMPT, read, async (prompt) => {
      if (!prompt.recognized.succeeded) return false;
      const { current, next, again } = prompt.recognized.value!;
      if (current && next && next === again) return true;
      await prompt.context.sendActivity(this.localizer.t(localeOf(prompt.context), 'changePassword.mismatch'));
      await prompt.context.sendActivity((prompt.options as CardPromptOptions<{ nonce: string }>).prompt!);
      return false;
    });
  }

  private async showForm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const nonce = randomUUID();
    const t = (key: string) => this.localizer.t(localeOf(step.context), key);
    const card = this.cards.attachment('changePassword', {
      title: t('changePassword.title'),
      currentLabel: t('changePassword.current'),
      newLabel: t('changePassword.new'),
      confirmLabel: t('changePassword.confirm'),
      rules: t('changePassword.rules'),
      submitTitle: t('changePassword.submit'),
      cancelTitle: t('confirm.no'),
      nonce,
    });
    const form: CardPromptOptions<{ nonce: string }> = { prompt: { type: 'message', attachments: [card] }, validations: { nonce } };
    return step.prompt(FORM_PROMPT, form);
  }
}

interface PasswordFields {
  current: string;
  next: string;
  again: string;
}
