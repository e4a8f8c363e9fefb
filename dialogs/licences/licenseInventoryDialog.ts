import { ComponentDialog, WaterfallDialog, WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { LicensePlan } from '../../bot/features/licences/licenses';
import { Localizer } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';

export const LICENSE_INVENTORY_DIALOG = 'licenseInventoryDialog';

export interface LicenseInventory {
  inventory(): Promise<LicensePlan[]>;
}

/** « licences » : every plan of the tenant with its used, total and free units, full plans flagged. */
export class LicenseInventoryDialog extends ComponentDialog {
  constructor(
    private readonly licenses: LicenseInventory,
    private readonly tenantName: () => string,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {
    super(LICENSE_INVENTORY_DIALOG);
    this.addDialog(new WaterfallDialog('showInventory', [this.showInventoryStep.bind(this)]));
    this.initialDialogId = 'showInventory';
  }

  private async showInventoryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const plans = await this.licenses.inventory();
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const timeZone = step.context.activity.localTimezone || 'Europe/Paris';
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: safeZone(timeZone) }).format(new Date());
    const card = this.cards.attachment('licenseInventory', {
      title: t('inventory.title', { tenant: this.tenantName() }),
      subtitle: t('inventory.subtitle', { count: plans.length, time }),
      emptyText: t('inventory.empty'),
      refreshTitle: t('inventory.refresh'),
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

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'Europe/Paris';
  }
}
