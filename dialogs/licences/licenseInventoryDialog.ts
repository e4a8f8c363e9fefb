import { ComponentDialog, WaterfallDialog, WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { LicensePlan, plansMeant } from '../../bot/features/licences/licenses';
import type { Recognition } from '../../bot/nlu/recognizer';
import { Localizer } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';
import { Clocks } from './clocks';

export const LICENSE_INVENTORY_DIALOG = 'licenseInventoryDialog';

export interface LicenseInventory {
  inventory(): Promise<LicensePlan[]>;
}

/**
 * « licences » : every plan of the tenant with its used, total and free units, full plans flagged.
 * « combien de E5 il reste ? » : only the plans named, with a button for all of them.
 */
export class LicenseInventoryDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly licenses: LicenseInventory,
    private readonly tenantName: () => string,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {
    super(LICENSE_INVENTORY_DIALOG);
    this.addDialog(new WaterfallDialog('showInventory', [this.showInventoryStep.bind(this)]));
    this.initialDialogId = 'showInventory';
  }

  private readonly clocks = new Clocks();

  private async showInventoryStep(step: WaterfallStepContext<Partial<Recognition>>): Promise<DialogTurnResult> {
    // The tenant's plans are for the roles that manage or read them (SECURITY.md), not for every member.
    await this.authorizer.require('license.list', step.context.activity.from?.aadObjectId);
    const locale = localeOf(step.context);
    const all = await this.licenses.inventory();
    const named = plansMeant(
      (step.options?.entities ?? []).filter((e) => e.type === 'sku').flatMap((e) => e.candidates ?? [e.value]),
      all,
    );
    const plans = named.length > 0 ? [...new Set(named)] : all;
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const time = this.clocks.now(step.context);
    const card = this.cards.attachment('licenseInventory', {
      title: t('inventory.title', { tenant: this.tenantName() }),
      subtitle: plans === all ? t('inventory.subtitle', { count: plans.length, time }) : t('inventory.subtitleNamed', { count: all.length, time }),
      emptyText: t('inventory.empty'),
      // The button shows every plan again: read afresh, or all of them after only those named.
      refreshTitle: plans === all ? t('inventory.refresh') : t('inventory.showAll'),
      plans: plans.map((plan) => ({
        name: plan.name,
        skuPartNumber: plan.skuPartNumber,
        assignTitle: t('inventory.assign'),
        usage: t('inventory.used', { used: plan.used, total: plan.total }),
        freeText: t('inventory.free', { free: plan.free }),
        full: plan.free === 0,
        fullText: t('inventory.full'),
        warningText: plan.inWarning > 0 ? t('inventory.warningUnits', { count: plan.inWarning }) : '',
      })),
    });
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog(plans);
  }
}
