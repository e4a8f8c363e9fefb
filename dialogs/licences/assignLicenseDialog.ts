import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Person } from '../../bot/features/directory/directory';
import type { LicensePlan } from '../../bot/features/licences/licenses';
import type { Recognition } from '../../bot/nlu/recognizer';
import { fold } from '../../bot/nlu/entities';
import { localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { choicePrompt } from '../core/cardPrompt';
import { LicenceServices, LicenceSteps, planFrom } from './licenceSteps';
import { ResolveUserDialog } from '../core/resolveUserDialog';

export const ASSIGN_LICENSE_DIALOG = 'assignLicenseDialog';

/** Countries offered when a user has no usage location (ISO 3166 codes, named in the user's language). */
export const USAGE_COUNTRIES = ['FR', 'BE', 'CH', 'LU', 'MC', 'CA', 'DE', 'ES', 'IT', 'PT', 'NL', 'GB', 'IE', 'US', 'MA', 'TN', 'SN', 'CI'];

interface AssignState {
  person?: Person;
  inventory?: LicensePlan[];
  plan?: LicensePlan;
  country?: string;
  countryAsked?: boolean;
}

/** Everyone who holds no licence (« tous ceux qui n'en ont pas », "everyone without a license", "all unlicensed users"). */
const EVERYONE_UNLICENSED =
  /\b(tous ceux|toutes celles|tout le monde|tous les (utilisateurs|comptes|salaries)|everyone|everybody|all (the )?(users|accounts|staff|people))\b.*\b(n'?en (ont|a) pas|sans (aucune )?licen[cs]e|qui n'?ont pas de licen[cs]e|without (a |any )?licen[cs]e|without one|unlicen[cs]ed|who (has|have) (none|no licen[cs]e)|(doesn'?t|don'?t) have (one|a licen[cs]e|any))|\ball (the )?unlicen[cs]ed (users|accounts|people)\b/;

/**
 * « affecte une licence Business Standard à julie@… »: who (by e-mail or name), which plan (a chooser
 * showing free units when the request did not say, or said « E3 » and the tenant has two), the usage
 * location when Graph would refuse without one, a confirmation card, then one assignLicense call,
 * audited, and the units left.
 */
export class AssignLicenseDialog extends CancelAndHelpDialog {
  private readonly steps: LicenceSteps;

  constructor(
    private readonly services: LicenceServices,
    resolveUser: ResolveUserDialog,
  ) {
    super(ASSIGN_LICENSE_DIALOG, services.interruptions);
    this.steps = new LicenceSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(this.steps.planPrompt());
    this.addDialog(choicePrompt('country', (text) => typedCountry(text)));
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(
      new WaterfallDialog('assign', [
        this.whoStep.bind(this),
        this.whichPlanStep.bind(this),
        this.planChosenStep.bind(this),
        this.usageLocationStep.bind(this),
        this.confirmStep.bind(this),
        this.assignStep.bind(this),
      ]),
    );
    this.initialDialogId = 'assign';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    // « mets une licence à tous ceux qui n'en ont pas », "license everyone who has none": one person at a
    // time here; the admin center gives a plan to many at once, and « qui n'a pas de licence ? » lists them.
    if (EVERYONE_UNLICENSED.test(fold(step.options.text))) return this.steps.explainInstead(step, 'license.assign', 'license.assign.everyone');
    return this.steps.findTarget(step, 'license.assign');
  }

  private async whichPlanStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as AssignState;
    state.person = step.result as Person | undefined;
    if (!state.person) return step.endDialog();
    state.inventory = await this.services.licenses.inventory();
    const named = this.steps.plansNamed(step.options, state.inventory);
    const name = state.person.displayName;
    if (named.length > 0 && named[0].length === 1) return step.next(named[0][0]);
    if (named.length > 0 && named[0].length > 1) return this.steps.askPlan(step, this.steps.t(step.context, 'license.assign.askPlan', { name }), named[0]);
    const unknown = this.steps.unknownPlanIn(step.options, state.person);
    if (step.options.entities.some((e) => e.type === 'sku') || unknown) {
      await step.context.sendActivity(this.steps.t(step.context, 'plan.notHeld', { words: unknown ?? this.steps.namedPlanWords(step.options) }));
    }
    return this.steps.askPlan(step, this.steps.t(step.context, 'license.assign.askPlan', { name }), state.inventory);
  }

  private async planChosenStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as AssignState;
    const plan = planFrom(step, state.inventory!);
    if (!plan) return step.endDialog();
    state.plan = plan;
    const held = await this.services.licenses.licensesOf(state.person!.id, state.inventory);
    if (held.licenses.some((l) => l.plan.skuId === plan.skuId)) {
      await step.context.sendActivity(this.steps.t(step.context, 'license.assign.already', { name: state.person!.displayName, plan: plan.name }));
      return step.endDialog();
    }
    if (plan.free <= 0) {
      // Refused before calling Graph: nothing to undo.
      await step.context.sendActivity(this.steps.t(step.context, 'license.assign.noUnit', { name: state.person!.displayName, plan: plan.name }));
      return step.endDialog();
    }
    if (held.usageLocation) return step.next();
    return this.askCountry(step);
  }

  private async usageLocationStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as AssignState;
    if (state.countryAsked) {
      state.country = step.result as string; // one of USAGE_COUNTRIES: the prompt took nothing else
    }
    return step.next();
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as AssignState;
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    const plan = state.plan!;
    const facts = [
      { title: t('fact.user'), value: `${state.person!.displayName} (${state.person!.userPrincipalName})` },
      { title: t('fact.plan'), value: plan.name },
      { title: t('fact.freeAfter'), value: String(plan.free - 1) },
      ...(state.country ? [{ title: t('fact.country'), value: countryName(state.country, localeOf(step.context)) }] : []),
    ];
    return this.steps.askToConfirm(step, {
      operation: 'license.assign',
      title: t('confirm.title.assign', { plan: plan.name, name: state.person!.displayName }),
      facts,
    });
  }

  private async assignStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as AssignState;
    const person = state.person!;
    const plan = state.plan!;
    return this.steps.actOnConfirmation(step, {
      operation: 'license.assign',
      authorize: this.steps.requireRole(step, 'license.assign'),
      target: person.userPrincipalName,
      parameters: { sku: plan.skuPartNumber, ...(state.country ? { usageLocation: state.country } : {}) },
      run: async () => {
        const receipts = state.country ? [await this.services.licenses.setUsageLocation(person.id, state.country)] : [];
        return [...receipts, await this.services.licenses.assign(person.id, plan)];
      },
      done: async () => this.steps.t(step.context, 'license.assign.done', { name: person.displayName, plan: plan.name, free: await this.steps.freeNow(plan) }),
      verify: async () => (await this.services.licenses.skusOf(person.id)).includes(plan.skuId),
    });
  }

  private askCountry(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.values as AssignState;
    state.countryAsked = true;
    const locale = localeOf(step.context);
    return this.steps.askChoice(
      step,
      'country',
      this.steps.t(step.context, 'license.assign.askCountry', { name: state.person!.displayName }),
      'license.country.label',
      USAGE_COUNTRIES.map((code) => ({ title: countryName(code, locale), value: code })),
    );
  }
}

function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** « France », « belgique », "FR": a country typed instead of picked. */
function typedCountry(text: string | undefined): string | undefined {
  const wanted = (text ?? '').trim().toLowerCase();
  if (wanted === '') return undefined;
  return USAGE_COUNTRIES.find((code) => code.toLowerCase() === wanted || ['fr', 'en'].some((l) => countryName(code, l).toLowerCase() === wanted));
}
