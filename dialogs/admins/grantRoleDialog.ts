import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { roleNames } from '../../bot/presentation/errorMessages';
import { NotFound } from '../../bot/policy/errors';
import { AdminRoleService, GRANTABLE_ROLES } from '../../bot/features/admins/adminRoles';
import type { DirectoryService, Person } from '../../bot/features/directory/directory';
import { fold } from '../../bot/nlu/entities';
import { passwordCard } from '../../bot/presentation/passwordCard';
import { temporaryPassword } from '../../bot/features/passwords/temporaryPassword';
import { PrivateMessenger } from '../../bot/host/proactive';
import type { Recognition } from '../../bot/nlu/recognizer';
import { isPersonalChat } from '../../bot/turn/teamsGuard';
import { localeOf } from '../../bot/turn/turnSetup';
import type { RoleDirectory } from '../../bot/features/directory/directoryRoles';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { capabilityGrant, extractEntities } from '../../bot/nlu/entities';
import { choicePrompt } from '../core/cardPrompt';
import { personPassedOn, WriteServices, WriteSteps } from '../core/writeSteps';
import { NewAccount, RESOLVE_USER_DIALOG, ResolveUserDialog, ResolveUserOptions } from '../core/resolveUserDialog';

export const GRANT_ROLE_DIALOG = 'grantRoleDialog';

/** « ajoute le rôle … à », "give … the role", « Lina doit pouvoir gérer les licences »: a role change asked under admin.roles. */
export function asksToGrant(recognition: Recognition): boolean {
  return (
    recognition.entities.some((e) => e.type === 'role') &&
    (/\b(ajout\w*|donn\w*|attribu\w*|accord\w*|nomm\w*|promouv\w*|promu\w*|add|give|grant\w*|make|promote\w*|assign\w*|appoint\w*)\b/.test(
      fold(recognition.text),
    ) ||
      capabilityGrant(recognition.text)?.revoke === false)
  );
}

/** The prompt of the role choosers: a click on the card, or one of the roles offered named in a typed answer. */
export function rolePrompt() {
  return choicePrompt('role', (text, offered) => extractEntities(text).find((e) => e.type === 'role' && offered.values.includes(e.value))?.value);
}

export interface RoleServices extends WriteServices {
  adminRoles: AdminRoleService;
  roles: RoleDirectory;
  directory: DirectoryService;
  messenger: PrivateMessenger;
  verifiedDomains: () => string[];
}

interface GrantState {
  role?: string;
  person?: Person;
  newAccount?: string;
}

/**
 * « crée un administrateur des licences pour Nadia »: a role from the allow-list, for an existing
 * user or a new account (UPN on a verified domain, no licence), confirmed, granted, audited; a new
 * account's sign-in details go to the caller privately. Global or Privileged Role Administrators only.
 */
export class GrantRoleDialog extends CancelAndHelpDialog {
  private readonly steps: WriteSteps;

  constructor(
    private readonly services: RoleServices,
    resolveUser: ResolveUserDialog,
  ) {
    super(GRANT_ROLE_DIALOG, services.interruptions);
    this.steps = new WriteSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(rolePrompt());
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(new WaterfallDialog('grant', [this.whoStep.bind(this), this.roleStep.bind(this), this.confirmStep.bind(this), this.grantStep.bind(this)]));
    this.initialDialogId = 'grant';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    await this.steps.authorize(step, 'admin.create');
    const email = step.options.entities.find((e) => e.type === 'email')?.value;
    // Someone not in the directory yet may be the new administrator: their address is then asked, and becomes the new account.
    const newAccountDomain = this.services.verifiedDomains()[0];
    if (!email) return step.beginDialog(RESOLVE_USER_DIALOG, { ...this.steps.whoFrom(step.options), newAccountDomain } satisfies ResolveUserOptions);
    try {
      return await step.next(await this.services.directory.person(email));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
    }
    return step.next({ newAccount: email } satisfies NewAccount);
  }

  private async roleStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as GrantState;
    state.person = personPassedOn(step);
    const newAccount = (step.result as Partial<NewAccount> | undefined)?.newAccount;
    if (newAccount && !this.services.verifiedDomains().includes(newAccount.split('@')[1])) {
      await step.context.sendActivity(this.steps.t(step.context, 'role.newAccountDomain', { who: newAccount }));
      return step.endDialog();
    }
    state.newAccount = newAccount;
    if (!state.person && !state.newAccount) return step.endDialog();
    const named = step.options.entities.find((e) => e.type === 'role')?.value;
    const locale = localeOf(step.context);
    if (named && GRANTABLE_ROLES[named]) {
      state.role = named;
      return step.next();
    }
    if (named)
      await step.context.sendActivity(
        this.steps.t(step.context, 'role.notGrantable', { roles: roleNames(Object.keys(GRANTABLE_ROLES), locale, this.services.localizer) }),
      );
    return this.askRole(step);
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as GrantState;
    if (!state.role) {
      state.role = step.result as string; // one of GRANTABLE_ROLES: the prompt took nothing else
    }
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    const role = roleNames([state.role], locale, this.services.localizer);
    const name = state.person?.displayName ?? state.newAccount!;
    if (state.person && (await this.services.roles.rolesOf(state.person.id)).includes(state.role)) {
      await step.context.sendActivity(t('role.already', { name, role }));
      return step.endDialog();
    }
    return this.steps.askToConfirm(step, {
      operation: state.person ? 'admin.grant' : 'admin.create',
      title: t('confirm.title.grant', { role, name }),
      facts: [
        { title: t('fact.account'), value: state.person ? `${name} (${state.person.userPrincipalName})` : t('role.newAccount', { who: state.newAccount }) },
        { title: t('fact.role'), value: role },
      ],
      note: t('confirm.note.grant'),
    });
  }

  private async grantStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as GrantState;
    const role = state.role!;
    const locale = localeOf(step.context);
    const upn = state.person?.userPrincipalName ?? state.newAccount!;
    const displayName = state.person?.displayName ?? upn.split('@')[0];
    let password = '';
    return this.steps.actOnConfirmation(step, {
      operation: state.person ? 'admin.grant' : 'admin.create',
      authorize: this.steps.requireRole(step, 'admin.create'),
      target: upn,
      parameters: { role, newAccount: !state.person },
      run: async () => {
        let id = state.person?.id;
        const receipts = [];
        if (!id) {
          password = temporaryPassword();
          const created = await this.services.adminRoles.createAccount({ displayName, userPrincipalName: upn, password });
          id = created.id;
          receipts.push(created.receipt);
        }
        receipts.push(await this.services.adminRoles.grant(id, role));
        return receipts;
      },
      // The account (when it was to be made) and its role, as the directory holds them now.
      verify: async () => {
        let id = state.person?.id;
        if (!id) {
          try {
            id = (await this.services.directory.person(upn)).id;
          } catch (error) {
            if (error instanceof NotFound) return false;
            throw error;
          }
        }
        // A new account made without its role yet is neither done nor undone: said as unknown.
        return (await this.services.roles.currentRolesOf(id)).includes(role) ? true : state.person ? false : undefined;
      },
      done: async () => {
        const said = this.steps.t(step.context, 'role.granted', { name: displayName, role: roleNames([role], locale, this.services.localizer) });
        if (!password) return said;
        const card = passwordCard(this.services.cards, this.services.localizer, locale, displayName, password);
        if (isPersonalChat(step.context)) {
          await step.context.sendActivity(said);
          await step.context.sendActivity({ attachments: [card] });
          return undefined;
        }
        const sent = await this.services.messenger.send(step.context.activity.from.aadObjectId ?? '', { attachments: [card] });
        return `${said} ${this.steps.t(step.context, sent ? 'role.credentialsPrivate' : 'role.credentialsNoChat')}`;
      },
    });
  }

  private askRole(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.values as GrantState;
    const locale = localeOf(step.context);
    return this.steps.askChoice(
      step,
      'role',
      this.steps.t(step.context, 'role.ask', { name: state.person?.displayName ?? state.newAccount ?? '' }),
      'role.label',
      Object.keys(GRANTABLE_ROLES).map((r) => ({ title: roleNames([r], locale, this.services.localizer), value: r })),
    );
  }
}
