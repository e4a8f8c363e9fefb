import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Person } from '../../bot/features/directory/directory';
import type { HeldLicense, LicensePlan } from '../../bot/features/licences/licenses';
import type { Recognition } from '../../bot/nlu/recognizer';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { isBulk } from './bulkLicenseDialog';
import { LicenceServices, LicenceSteps, PLAN_WORD_OF_A_CHANGE, planFrom, wantedPart } from './licenceSteps';
import { ResolveUserDialog } from '../core/resolveUserDialog';

export const CHANGE_LICENSE_DIALOG = 'changeLicenseDialog';

interface ChangeState {
  person?: Person;
  held?: HeldLicense[];
  inventory?: LicensePlan[];
  from?: LicensePlan;
  to?: LicensePlan;
}

/**
 * « passe Paul de E3 à E5 »: upgrade or downgrade in one assignLicense call (add the new plan,
 * remove the old), so the user is never without a licence and keeps the old one on failure.
 * Refused before any call when the new plan has no free unit.
 */
export class ChangeLicenseDialog extends CancelAndHelpDialog {
  private readonly steps: LicenceSteps;

  constructor(
    private readonly services: LicenceServices,
    resolveUser: ResolveUserDialog,
  ) {
    super(CHANGE_LICENSE_DIALOG, services.interruptions);
    this.steps = new LicenceSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(this.steps.planPrompt());
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(
      new WaterfallDialog('change', [
        this.whoStep.bind(this),
        this.fromStep.bind(this),
        this.toStep.bind(this),
        this.confirmStep.bind(this),
        this.swapStep.bind(this),
      ]),
    );
    this.initialDialogId = 'change';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    // "upgrade everyone in Marketing": a change is one person's here; the admin center replaces plans for many at once.
    if (isBulk(step.options)) return this.steps.explainInstead(step, 'license.change', 'license.change.bulk');
    return this.steps.findTarget(step, 'license.change');
  }

  /** The plan to replace: the one named first in the request if held, the only one held, or a choice. */
  private async fromStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ChangeState;
    state.person = step.result as Person | undefined;
    if (!state.person) return step.endDialog();
    state.inventory = await this.services.licenses.inventory();
    const all = (await this.services.licenses.licensesOf(state.person.id, state.inventory)).licenses;
    state.held = all.filter((h) => !h.viaGroup);
    const name = state.person.displayName;
    if (state.held.length === 0) {
      // Only licences from a group: the group decides them, which is said, rather than « no licence ».
      const fromGroup = all.find((h) => h.viaGroup);
      await step.context.sendActivity(
        fromGroup?.viaGroup
          ? this.steps.t(step.context, 'license.change.viaGroup', { name, plan: fromGroup.plan.name, group: fromGroup.viaGroup.displayName })
          : this.steps.t(step.context, 'license.remove.none', { name }),
      );
      return step.endDialog();
    }
    const heldPlans = state.held.map((h) => h.plan);
    const named = this.steps.plansNamed(step.options, heldPlans);
    const fromNamed = named.find((n) => n.length === 1)?.[0];
    if (fromNamed) return step.next(fromNamed);
    if (heldPlans.length === 1) return step.next(heldPlans[0]);
    return this.steps.askPlan(step, this.steps.t(step.context, 'license.change.askFrom', { name }), heldPlans);
  }

  /** The new plan: named in the request (the last plan named, before any « instead of »), or a choice among the others. */
  private async toStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ChangeState;
    const heldPlans = state.held!.map((h) => h.plan);
    const from = planFrom(step, heldPlans);
    if (!from) return step.endDialog();
    state.from = from;
    const others = state.inventory!.filter((p) => p.skuId !== from.skuId);
    const named = this.steps
      .plansNamed(wantedPart(step.options), others)
      .filter((n) => n.length === 1)
      .map((n) => n[0]);
    const to = named[named.length - 1];
    if (to) return step.next(to);
    // « passe Julie en E7 »: a plan nobody has heard of is said so before the chooser.
    const unknown = state.person ? this.steps.unknownPlanIn(step.options, state.person, PLAN_WORD_OF_A_CHANGE) : undefined;
    if (unknown) await step.context.sendActivity(this.steps.t(step.context, 'plan.notHeld', { words: unknown }));
    return this.steps.askPlan(step, this.steps.t(step.context, 'license.change.askTo', { plan: from.name }), others);
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ChangeState;
    const name = state.person!.displayName;
    const from = state.from!;
    const others = state.inventory!.filter((p) => p.skuId !== from.skuId);
    const to = planFrom(step, others);
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    if (!to) return step.endDialog();
    if (state.held!.some((h) => h.plan.skuId === to.skuId)) {
      await step.context.sendActivity(t('license.change.same', { name, plan: to.name }));
      return step.endDialog();
    }
    if (to.free <= 0) {
      await step.context.sendActivity(t('license.change.noUnit', { name, plan: to.name }));
      return step.endDialog();
    }
    state.to = to;
    return this.steps.askToConfirm(step, {
      operation: 'license.change',
      title: t('confirm.title.change', { name, from: from.name, to: to.name }),
      facts: [
        { title: t('fact.user'), value: `${name} (${state.person!.userPrincipalName})` },
        { title: t('fact.from'), value: from.name },
        { title: t('fact.to'), value: to.name },
        { title: t('fact.freeAfter'), value: String(to.free - 1) },
      ],
      note: t('confirm.note.change', { name }),
    });
  }

  private async swapStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as ChangeState;
    const person = state.person!;
    const from = state.from!;
    const to = state.to!;
    return this.steps.actOnConfirmation(step, {
      operation: 'license.change',
      authorize: this.steps.requireRole(step, 'license.change'),
      target: person.userPrincipalName,
      parameters: { from: from.skuPartNumber, to: to.skuPartNumber },
      run: async () => [await this.services.licenses.swap(person.id, from, to)],
      done: async () =>
        this.steps.t(step.context, 'license.change.done', { name: person.displayName, from: from.name, to: to.name, free: await this.steps.freeNow(to) }),
      // One assignLicense call: both halves happened, or neither.
      verify: async () => {
        const held = await this.services.licenses.skusOf(person.id);
        if (held.includes(to.skuId) && !held.includes(from.skuId)) return true;
        return held.includes(from.skuId) && !held.includes(to.skuId) ? false : undefined;
      },
    });
  }
}
