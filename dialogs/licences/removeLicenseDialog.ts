import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Person } from '../../bot/features/directory/directory';
import type { HeldLicense, LicensePlan } from '../../bot/features/licences/licenses';
import type { Recognition } from '../../bot/nlu/recognizer';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { LicenceServices, LicenceSteps, planFrom } from './licenceSteps';
import { ResolveUserDialog } from '../core/resolveUserDialog';

export const REMOVE_LICENSE_DIALOG = 'removeLicenseDialog';

interface RemoveState {
  person?: Person;
  held?: HeldLicense[];
  plan?: LicensePlan;
}

/**
 * « retire la licence de Victor »: the user's licences to choose from; one that comes from a group
 * cannot be removed directly, and the bot says which group; then confirmation, removal, audit.
 */
export class RemoveLicenseDialog extends CancelAndHelpDialog {
  private readonly steps: LicenceSteps;

  constructor(
    private readonly services: LicenceServices,
    resolveUser: ResolveUserDialog,
  ) {
    super(REMOVE_LICENSE_DIALOG, services.interruptions);
    this.steps = new LicenceSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(this.steps.planPrompt());
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(
      new WaterfallDialog('remove', [this.whoStep.bind(this), this.whichPlanStep.bind(this), this.confirmStep.bind(this), this.removeStep.bind(this)]),
    );
    this.initialDialogId = 'remove';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    return this.steps.findTarget(step, 'license.remove');
  }

  private async whichPlanStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as RemoveState;
    state.person = step.result as Person | undefined;
    if (!state.person) return step.endDialog();
    const name = state.person.displayName;
    const inventory = await this.services.licenses.inventory();
    state.held = (await this.services.licenses.licensesOf(state.person.id, inventory)).licenses;
    if (state.held.length === 0) {
      await step.context.sendActivity(this.steps.t(step.context, 'license.remove.none', { name }));
      return step.endDialog();
    }
    const plans = state.held.map((h) => h.plan);
    const named = this.steps.plansNamed(step.options, plans).flat();
    if (named.length === 1) return step.next(named[0]);
    if (step.options.entities.some((e) => e.type === 'sku') && named.length === 0) {
      const wanted = this.steps.plansNamed(step.options, inventory).flat()[0];
      if (wanted) await step.context.sendActivity(this.steps.t(step.context, 'license.remove.notHeld', { name, plan: wanted.name }));
    }
    if (plans.length === 1) return step.next(plans[0]);
    return this.steps.askPlan(step, this.steps.t(step.context, 'license.remove.askPlan', { name }), plans);
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as RemoveState;
    const name = state.person!.displayName;
    const plans = state.held!.map((h) => h.plan);
    const plan = planFrom(step, plans);
    if (!plan) return step.endDialog();
    const group = state.held!.find((h) => h.plan.skuId === plan.skuId)?.viaGroup;
    if (group) {
      await step.context.sendActivity(this.steps.t(step.context, 'license.remove.viaGroup', { name, plan: plan.name, group: group.displayName }));
      return step.endDialog();
    }
    state.plan = plan;
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    return this.steps.askToConfirm(step, {
      operation: 'license.remove',
      title: t('confirm.title.remove', { plan: plan.name, name }),
      facts: [
        { title: t('fact.user'), value: `${name} (${state.person!.userPrincipalName})` },
        { title: t('fact.plan'), value: plan.name },
      ],
    });
  }

  private async removeStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as RemoveState;
    const person = state.person!;
    const plan = state.plan!;
    return this.steps.actOnConfirmation(step, {
      operation: 'license.remove',
      authorize: this.steps.requireRole(step, 'license.remove'),
      target: person.userPrincipalName,
      parameters: { sku: plan.skuPartNumber },
      run: async () => [await this.services.licenses.remove(person.id, plan)],
      done: async () => this.steps.t(step.context, 'license.remove.done', { name: person.displayName, plan: plan.name, free: await this.steps.freeNow(plan) }),
      verify: async () => !(await this.services.licenses.skusOf(person.id)).includes(plan.skuId),
    });
  }
}
