import { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { LicensePlan, LicenseService, plansMeant } from '../../bot/features/licences/licenses';
import { extractEntities } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import { choicePrompt } from '../core/cardPrompt';
import { WriteServices, WriteSteps } from '../core/writeSteps';

export interface LicenceServices extends WriteServices {
  licenses: LicenseService;
}

/** The steps the licence dialogs share besides every write's: plans named or chosen, units left. */
export class LicenceSteps extends WriteSteps {
  constructor(private readonly licences: LicenceServices) {
    super(licences);
  }

  /** The tenant's plans named in the request (all of them when « E3 » is ambiguous and both are held). */
  plansNamed(recognition: Recognition, inventory: LicensePlan[]): LicensePlan[][] {
    return recognition.entities.filter((e) => e.type === 'sku').map((e) => plansMeant(e.candidates ?? [e.value], inventory));
  }

  /** The prompt of the plan choosers: a click on the card, or a plan named in a typed answer (« Business Basic », « E3 »). */
  planPrompt() {
    return choicePrompt('plan', (text, offered) => {
      const meant = extractEntities(text)
        .filter((e) => e.type === 'sku')
        .flatMap((e) => e.candidates ?? [e.value])
        .map((partNumber) => offered.names?.[partNumber])
        .filter((skuId): skuId is string => skuId !== undefined);
      return new Set(meant).size === 1 ? meant[0] : undefined;
    });
  }

  /** A card to choose a plan among `plans`, each with its free units; the next step gets its skuId (planFrom). */
  askPlan(step: WaterfallStepContext, question: string, plans: LicensePlan[]): Promise<DialogTurnResult> {
    const choices = plans.map((p) => ({ title: this.t(step.context, 'plan.choice', { plan: p.name, free: p.free }), value: p.skuId }));
    return this.askChoice(step, 'plan', question, 'plan.label', choices, Object.fromEntries(plans.map((p) => [p.skuPartNumber, p.skuId])));
  }

  /** Free units of a plan as they are now (after the write). */
  async freeNow(plan: LicensePlan): Promise<number> {
    return (await this.licences.licenses.inventory()).find((p) => p.skuId === plan.skuId)?.free ?? 0;
  }
}

/**
 * The plan the previous step gave: passed on with step.next(plan), or chosen on the plan card
 * (its skuId, one of `plans`).
 */
export function planFrom(step: WaterfallStepContext, plans: LicensePlan[]): LicensePlan | undefined {
  const result: unknown = step.result;
  if (result && typeof result === 'object' && 'skuId' in result) return result as LicensePlan;
  return typeof result === 'string' ? plans.find((p) => p.skuId === result) : undefined;
}
