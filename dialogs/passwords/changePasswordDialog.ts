import { randomUUID } from 'node:crypto';
import { Dialog, DialogTurnResult, OAuthPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
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
import { repeatStep } from '../core/writeSteps';

export const CHANGE_PASSWORD_DIALOG = 'changePasswordDialog';
/** One sign-in prompt a language: the title of its card is set when the prompt is made. */
const signInPrompt = (locale: Locale) => `signIn.${locale}`;

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
    const value = step.context.activity.value as { changePassword?: string; current?: string; next?: string; again?: string } | undefined;
    if (!value?.changePassword || value.changePassword !== (step.values as { nonce?: string }).nonce) {
      if (await this.interruptions.isNewRequest(step.context)) return this.interruptions.dropAndReroute(step);
      await this.showForm(step);
      return repeatStep(step);
    }
    if (!value.current || !value.next || value.next !== value.again) {
      await step.context.sendActivity(this.localizer.t(locale, 'changePassword.mismatch'));
      await this.showForm(step);
      return repeatStep(step);
    }
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

  private async showForm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const nonce = randomUUID();
    (step.values as { nonce?: string }).nonce = nonce;
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
    await step.context.sendActivity({ attachments: [card] });
    return Dialog.EndOfTurn;
  }
}
