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

  /** Clocks by language and time zone, made once each (making one costs more than the rest of the card). */
  private readonly clocks = new Map<string, Intl.DateTimeFormat>();

  private clock(locale: string, zone: string): Intl.DateTimeFormat {
    const key = `${locale}|${zone}`;
    let clock = this.clocks.get(key);
    if (!clock) this.clocks.set(key, (clock = clockFor(locale, zone)));
    return clock;
  }

  private async showInventoryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const plans = await this.licenses.inventory();
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const timeZone = step.context.activity.localTimezone || 'Europe/Paris';
    const time = this.clock(locale, timeZone).format(new Date());
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

/** A clock for a language and a time zone (Europe/Paris when Teams sends an unknown one). */
function clockFor(locale: string, zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  } catch {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  }
}
