import { ComponentDialog, WaterfallDialog, WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { LicensePlan, plansMeant } from '../../bot/features/licences/licenses';
import type { Recognition } from '../../bot/nlu/recognizer';
import { Localizer } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';

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

  /** Clocks by language and time zone, made once each (making one costs more than the rest of the card). */
  private readonly clocks = new Map<string, Intl.DateTimeFormat>();

  private clock(locale: string, zone: string): Intl.DateTimeFormat {
    const key = `${locale}|${zone}`;
    let clock = this.clocks.get(key);
    if (!clock) this.clocks.set(key, (clock = clockFor(locale, zone)));
    return clock;
  }

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
    const timeZone = step.context.activity.localTimezone || 'Europe/Paris';
    const time = this.clock(locale, timeZone).format(new Date());
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

/** A clock for a language and a time zone (Europe/Paris when Teams sends an unknown one). */
export function clockFor(locale: string, zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  } catch {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
  }
}
