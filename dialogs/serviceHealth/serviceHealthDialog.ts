import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { HEALTH_READERS } from '../../bot/features/serviceHealth/feature';
import { isHealthy, ServiceHealthService, ServiceState } from '../../bot/features/serviceHealth/serviceHealth';
import type { Recognition } from '../../bot/nlu/recognizer';
import { fold } from '../../bot/nlu/entities';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { Localizer } from '../../bot/presentation/i18n';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';

export const SERVICE_HEALTH_DIALOG = 'serviceHealthDialog';

/** « une maintenance est prévue ? », "planned maintenance this weekend": announced elsewhere than in service health. */
const MAINTENANCE = /\b(maintenances?|planned|scheduled|prevue?s?|programmee?s?|upcoming|a venir)\b/;

interface RoleReader {
  rolesOf(userId: string): Promise<string[]>;
}

/**
 * « est-ce qu'Exchange est en panne ? », « état des services »: Microsoft 365 service health, live
 * from Graph. Anyone may ask whether a service is down; administrators also see Microsoft's open
 * issues (impact, latest update, a link to the message in the admin center).
 */
export class ServiceHealthDialog extends ComponentDialog {
  constructor(
    private readonly health: ServiceHealthService,
    private readonly roles: RoleReader,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {
    super(SERVICE_HEALTH_DIALOG);
    this.addDialog(new WaterfallDialog('health', [this.showStep.bind(this)]));
    this.initialDialogId = 'health';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const [all, callerRoles] = await Promise.all([this.health.services(), this.roles.rolesOf(callerOf(step.context).id).catch(() => [])]);
    const details = callerRoles.some((role) => (HEALTH_READERS as readonly string[]).includes(role));
    const named = new Set(step.options.entities.filter((e) => e.type === 'service').map((e) => e.value));
    const asked = named.size > 0 ? all.filter((s) => named.has(s.name)) : all;
    const shown = named.size > 0 ? asked : asked.filter((s) => !isHealthy(s));
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
    const statusOf = (s: ServiceState) => (this.localizer.has(locale, `health.status.${s.status}`) ? t(`health.status.${s.status}`) : s.status);
    const summary =
      named.size > 0 && asked.length === 0
        ? t('health.unknownService', { services: [...named].join(', ') })
        : shown.length === 0
          ? t('health.allFine', { count: all.length })
          : t(named.size > 0 ? 'health.asked' : 'health.someDown', { count: shown.filter((s) => !isHealthy(s)).length });
    const card = this.cards.attachment('serviceHealth', {
      title: t('health.title'),
      summary,
      services: shown.map((s) => ({
        name: s.name,
        status: statusOf(s),
        healthy: isHealthy(s),
        issues: details
          ? s.issues.map((i) => ({
              heading: t('health.issue', { id: i.id, title: i.title, since: when.format(new Date(i.startedAt)) }),
              impact: i.impact,
              latest: i.latestUpdate ? t('health.latest', { at: when.format(new Date(i.updatedAt)), text: i.latestUpdate }) : '',
              linkTitle: t('health.openInAdminCenter'),
              url: `https://admin.microsoft.com/#/servicehealth/:/alerts/${encodeURIComponent(i.id)}`,
            }))
          : [],
      })),
      note: details ? '' : shown.some((s) => !isHealthy(s)) ? t('health.detailsForAdmins') : '',
      incidentTitle: t('health.declare'),
    });
    // Planned maintenance is announced in the message center, not in service health: said, then the state now.
    if (MAINTENANCE.test(fold(step.options.text))) await step.context.sendActivity(t('health.maintenance'));
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}
