import { Attachment, TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { roleNames } from '../../bot/presentation/errorMessages';
import { NotFound, RoleRequired } from '../../bot/policy/errors';
import type { Person } from '../../bot/features/directory/directory';
import { PasswordService } from '../../bot/features/passwords/passwordService';
import { passwordCard } from '../../bot/presentation/passwordCard';
import { temporaryPassword } from '../../bot/features/passwords/temporaryPassword';
import { PrivateMessenger } from '../../bot/host/proactive';
import type { Recognition } from '../../bot/nlu/recognizer';
import { mayResetPassword, PASSWORD_RESETTERS, rolesAbleToReset } from '../../bot/features/passwords/resetPolicy';
import { isPersonalChat } from '../../bot/turn/teamsGuard';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { fold } from '../../bot/nlu/entities';
import { SELF_SERVICE_RESET_DIALOG, SelfServiceResetDialog } from './selfServiceResetDialog';
import { personPassedOn, WriteServices, WriteSteps } from '../core/writeSteps';
import { PeopleDirectory, RESOLVE_USER_DIALOG, ResolveUserDialog } from '../core/resolveUserDialog';
import type { RoleDirectory } from '../../bot/features/directory/directoryRoles';

/**
 * Someone's password, the person not named yet (« réinitialise un mot de passe », "reset a user's
 * password", « le mdp d'un collègue »): an administrator is asked whose, never sent to self-service.
 */
const SOMEONE_UNNAMED =
  /\b(un mot de passe|un mdp|a password|someone|somebody|quelqu'un|(un|une|a|an|mon|ma|my) (utilisateur|utilisatrice|user|employe|employee|salarie|collegue|colleague|collaborateur|collaboratrice)|un compte|an account|d'un|d'une|for a|of a)\b/;

/** Many people at once (« tout le service compta », "the whole sales team"): one at a time here. */
const MANY =
  /\b(tout le monde|tous les|toutes les|toute l'equipe|tout le service|tout le personnel|toute la (societe|boite|boutique)|everyone|everybody|all (the )?(users|staff|people|employees|accounts)|(the )?whole (team|department|office|company|staff)|the whole \S+ (team|department))\b/;

/** One's own account or password (« mon compte », "my password"), said in so many words. */
const OWN_ACCOUNT = /\b(my|mon|ma|mes)\s+(own\s+)?(account|compte|password|mot de passe|motdepasse|mdp|pwd|login|session|access|acces)\b/;

export const RESET_PASSWORD_DIALOG = 'resetPasswordDialog';

interface ResetState {
  callerRoles?: string[];
  person?: Person;
}

export interface ResetServices extends WriteServices {
  passwords: PasswordService;
  roles: RoleDirectory;
  messenger: PrivateMessenger;
  directory: PeopleDirectory;
}

/**
 * « réinitialise le mot de passe de Julie », by an administrator: Entra's rules decide whom the
 * caller may reset; a confirmation; a temporary password from crypto randomness, to change at next
 * sign-in, shown only in a 1:1 chat (asked in a channel, the bot writes to the caller privately),
 * on a card that offers to hide it; audited without the password. A user without such a role, or
 * anyone asking about their own password, goes on in SelfServiceResetDialog.
 */
export class ResetPasswordDialog extends CancelAndHelpDialog {
  private readonly steps: WriteSteps;

  constructor(
    private readonly services: ResetServices,
    resolveUser: ResolveUserDialog,
    selfService: SelfServiceResetDialog,
  ) {
    super(RESET_PASSWORD_DIALOG, services.interruptions);
    this.steps = new WriteSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(selfService);
    this.addDialog(new WaterfallDialog('reset', [this.whoStep.bind(this), this.mayStep.bind(this), this.resetStep.bind(this)]));
    this.initialDialogId = 'reset';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ResetState;
    const callerId = step.context.activity.from?.aadObjectId;
    state.callerRoles = callerId ? await this.services.roles.rolesOf(callerId) : [];
    const target = this.steps.whoFrom(step.options);
    // « mon compte a été piraté », "I think my account was hacked": one's own, whatever other words name no one.
    const namesSomeone = Boolean(target.email) || ((target.words ?? []).length > 0 && !OWN_ACCOUNT.test(fold(step.options.text)));
    const mayReset = state.callerRoles.some((r) => PASSWORD_RESETTERS.includes(r));
    if (mayReset && !namesSomeone && MANY.test(fold(step.options.text))) {
      await step.context.sendActivity(this.steps.t(step.context, 'reset.everyone'));
      return step.endDialog();
    }
    // « réinitialise un mot de passe », by an administrator: whose is asked (« moi » then leads to self-service).
    const someoneUnnamed = mayReset && !namesSomeone && SOMEONE_UNNAMED.test(fold(step.options.text));
    if (!mayReset || (!namesSomeone && !someoneUnnamed)) {
      // Someone else's password without a role to reset it: say so, and how that person gets a new one.
      const someoneElse = namesSomeone ? await this.someoneElse(target, callerId) : undefined;
      if (someoneElse) {
        const locale = localeOf(step.context);
        await step.context.sendActivity(
          this.steps.t(step.context, 'reset.someoneElse', {
            name: someoneElse.displayName,
            roles: roleNames(PASSWORD_RESETTERS, locale, this.services.localizer),
          }),
        );
        return step.endDialog();
      }
      // Their own password, or no role to reset anyone's: self-service, or a request to the helpdesk.
      return step.replaceDialog(SELF_SERVICE_RESET_DIALOG);
    }
    if (!isPersonalChat(step.context)) {
      const moved = await this.services.messenger.send(callerId!, {
        attachments: [this.continueCard(step.context, step.options.text)],
      });
      await step.context.sendActivity(this.steps.t(step.context, moved ? 'reset.privateOnly' : 'reset.privateOnlyNoChat'));
      return step.endDialog();
    }
    return step.beginDialog(RESOLVE_USER_DIALOG, { ...target, ask: this.steps.t(step.context, 'resolveUser.ask.password.reset') });
  }

  /** The one person the request names, when it is not the caller (« réinitialise le mot de passe de Julie Roux »). */
  private async someoneElse(target: { email?: string; words?: string[] }, callerId: string | undefined): Promise<Person | undefined> {
    try {
      if (target.email) {
        const person = await this.services.directory.person(target.email);
        return person.id === callerId ? undefined : person;
      }
      const { people, partly } = await this.services.directory.findPeople(target.words ?? []);
      return people.length === 1 && !partly && people[0].id !== callerId ? people[0] : undefined;
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  private async mayStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ResetState;
    state.person = personPassedOn(step);
    if (!state.person) return step.endDialog(); // cancelled
    // « moi », answered to « whose? »: nobody resets their own password here (Entra refuses it); self-service does.
    if (state.person.id === step.context.activity.from?.aadObjectId) return step.replaceDialog(SELF_SERVICE_RESET_DIALOG);
    const locale = localeOf(step.context);
    const targetRoles = await this.services.roles.rolesOf(state.person.id);
    const name = state.person.displayName;
    if (!mayResetPassword(state.callerRoles!, targetRoles)) {
      await step.context.sendActivity(
        this.steps.t(step.context, 'reset.notAllowed', {
          name,
          targetRoles: roleNames(targetRoles, locale, this.services.localizer),
          roles: roleNames(rolesAbleToReset(targetRoles), locale, this.services.localizer),
        }),
      );
      return step.endDialog();
    }
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    return this.steps.askToConfirm(step, {
      operation: 'password.reset',
      title: t('confirm.title.reset', { name }),
      facts: [{ title: t('fact.user'), value: `${name} (${state.person.userPrincipalName})` }],
      note: t('confirm.note.reset', { name }),
    });
  }

  private async resetStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ResetState;
    const person = state.person!;
    let password = '';
    let lastSet: string | undefined;
    return this.steps.actOnConfirmation(step, {
      operation: 'password.reset',
      // Entra's reach rules again at the click: the caller's roles, and the target's, as they are now.
      authorize: async () => {
        const [callerRoles, targetRoles] = await Promise.all([
          this.services.roles.currentRolesOf(callerOf(step.context).id),
          this.services.roles.currentRolesOf(person.id),
        ]);
        if (!mayResetPassword(callerRoles, targetRoles))
          throw new RoleRequired(`may no longer reset ${person.id}`, { roles: rolesAbleToReset(targetRoles).join(',') });
      },
      target: person.userPrincipalName,
      parameters: { mustChangeAtNextSignIn: true },
      run: async () => {
        lastSet = await this.services.passwords.lastChanged(person.id);
        password = temporaryPassword();
        return [await this.services.passwords.resetTo(person.id, password)];
      },
      // The date the password was last set moved: the reset happened, and its password is the one sent. Anything
      // else does not prove it did not, so the reset is done again (redo) and the administrator holds its password.
      verify: async () => ((await this.services.passwords.changedSince(person.id, lastSet)) ? true : undefined),
      redo: true,
      done: async () => {
        await step.context.sendActivity({
          attachments: [passwordCard(this.services.cards, this.services.localizer, localeOf(step.context), person.displayName, password)],
        });
        return undefined;
      },
    });
  }

  private continueCard(context: TurnContext, text: string): Attachment {
    return this.services.cards.attachment('continueInPrivate', {
      title: this.steps.t(context, 'reset.continueHere'),
      request: `« ${text} »`,
      action: { title: this.steps.t(context, 'reset.continueButton'), action: 'password.reset', text },
    });
  }
}
