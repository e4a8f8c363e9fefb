import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { roleNames } from '../../bot/presentation/errorMessages';
import type { Person } from '../../bot/features/directory/directory';
import type { Recognition } from '../../bot/nlu/recognizer';
import { localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { rolePrompt, RoleServices } from './grantRoleDialog';
import { WriteSteps } from '../core/writeSteps';
import { ResolveUserDialog } from '../core/resolveUserDialog';
import { roleRevokeAsked } from '../../bot/nlu/namedRequests';

export const REVOKE_ROLE_DIALOG = 'revokeRoleDialog';

/** A role removal asked under admin.roles or admin.create (bot/nlu/namedRequests.ts, roleRevokeAsked). */
export function asksToRevoke(recognition: Recognition): boolean {
  return roleRevokeAsked(recognition.text);
}

interface RevokeState {
  person?: Person;
  role?: string;
}

/**
 * Removes a directory role after confirmation, audited; the last Global Administrator keeps the role
 * whatever is asked. Global or Privileged Role Administrators only.
 */
export class RevokeRoleDialog extends CancelAndHelpDialog {
  private readonly steps: WriteSteps;

  constructor(
    private readonly services: RoleServices,
    resolveUser: ResolveUserDialog,
  ) {
    super(REVOKE_ROLE_DIALOG, services.interruptions);
    this.steps = new WriteSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(rolePrompt());
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(new WaterfallDialog('revoke', [this.whoStep.bind(this), this.roleStep.bind(this), this.confirmStep.bind(this), this.revokeStep.bind(this)]));
    this.initialDialogId = 'revoke';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    return this.steps.findTarget(step, 'admin.roles');
  }

  /** The role named; else the person's own roles to choose from (the one they hold, taken as said). */
  private async roleStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as RevokeState;
    state.person = step.result as Person | undefined;
    if (!state.person) return step.endDialog();
    const named = step.options.entities.find((e) => e.type === 'role')?.value;
    if (named) return step.next(named);
    const held = await this.services.roles.rolesOf(state.person.id);
    const locale = localeOf(step.context);
    if (held.length === 0) {
      await step.context.sendActivity(this.steps.t(step.context, 'adminRoles.none', { name: state.person.displayName }));
      return step.endDialog();
    }
    if (held.length === 1) return step.next(held[0]);
    return this.steps.askChoice(
      step,
      'role',
      this.steps.t(step.context, 'role.askRevoke', { name: state.person.displayName }),
      'role.label',
      held.map((r) => ({ title: roleNames([r], locale, this.services.localizer), value: r })),
    );
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as RevokeState;
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    const role = step.result as string;
    const person = state.person!;
    const shown = roleNames([role], locale, this.services.localizer);
    const name = person.displayName;
    if (!(await this.services.roles.rolesOf(person.id)).includes(role)) {
      await step.context.sendActivity(t('role.notHeld', { name, role: shown }));
      return step.endDialog();
    }
    if (role === 'Global Administrator' && (await this.services.adminRoles.holders(role)) <= 1) {
      await step.context.sendActivity(t('role.lastGlobal', { name }));
      return step.endDialog();
    }
    state.role = role;
    return this.steps.askToConfirm(step, {
      operation: 'admin.revoke',
      title: t('confirm.title.revoke', { role: shown, name }),
      facts: [
        { title: t('fact.account'), value: `${name} (${person.userPrincipalName})` },
        { title: t('fact.role'), value: shown },
      ],
    });
  }

  private async revokeStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as RevokeState;
    const person = state.person!;
    const role = state.role!;
    const shown = roleNames([role], localeOf(step.context), this.services.localizer);
    // The last Global Administrator is checked again at the write (LastGlobalAdministrator): another admin may have removed one meanwhile.
    return this.steps.actOnConfirmation(step, {
      operation: 'admin.revoke',
      authorize: this.steps.requireRole(step, 'admin.roles'),
      target: person.userPrincipalName,
      parameters: { role },
      run: () => this.services.adminRoles.revoke(person.id, role),
      done: async () => this.steps.t(step.context, 'role.revoked', { name: person.displayName, role: shown }),
      verify: async () => !(await this.services.roles.currentRolesOf(person.id)).includes(role),
    });
  }
}
