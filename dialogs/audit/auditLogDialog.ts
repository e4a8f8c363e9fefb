import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { AuditEntry, AuditLog } from '../../bot/policy/audit';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { Localizer } from '../../bot/presentation/i18n';
import { AUDIT_QUESTION_WORDS, auditedOperation, OWN_ACTIONS } from '../../bot/nlu/namedRequests';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import { localeOf } from '../../bot/turn/turnSetup';
import type { NameFinder } from '../core/resolveUserDialog';

export const AUDIT_LOG_DIALOG = 'auditLogDialog';

/**
 * « journal d'audit », « journal d'audit de julie », "audit log of licence removals", « journal
 * d'audit de la semaine »: the latest writes, as a card.
 */
export class AuditLogDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly audit: AuditLog,
    private readonly names: NameFinder,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(AUDIT_LOG_DIALOG);
    this.addDialog(new WaterfallDialog('audit', [this.showStep.bind(this)]));
    this.initialDialogId = 'audit';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    await this.authorizer.require('audit.read', step.context.activity.from?.aadObjectId);
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const email = step.options.entities.find((e) => e.type === 'email')?.value;
    // « qu'est-ce que j'ai fait aujourd'hui ? »: the caller's own entries, by their name as Teams gives it.
    const own = OWN_ACTIONS.test(fold(step.options.text)) ? step.context.activity.from?.name : undefined;
    const user =
      email ??
      own ??
      this.names
        .in(step.options.text)
        .filter(
          (w) =>
            !/^(journal|audit|log|trail|historique|history|operations?|actions?|changements?|modifications?|changes|activity)$/.test(w) &&
            !PERIOD_WORDS.test(w) &&
            !AUDIT_QUESTION_WORDS.test(w),
        )
        .join(' ');
    const operation = auditedOperation(step.options.text);
    const since = periodStart(step.options.text, this.now());
    const entries = await this.audit.recent({ user: user || undefined, operation, since, limit: 15 });
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'Europe/Paris' });
    const filter = [
      user ? t('audit.filterUser', { user }) : '',
      operation ? t('audit.filterOperation', { operation: t(`operation.${operation}`) }) : '',
      since ? t('audit.filterSince', { date: day.format(since) }) : '',
    ].join('');
    const row = (e: AuditEntry) => ({
      operation: this.localizer.has(locale, `operation.${e.operation}`) ? t(`operation.${e.operation}`) : e.operation,
      line: t('audit.line', { caller: e.caller.name || e.caller.id, target: e.target }),
      details: [
        Object.entries(e.parameters)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
        e.error ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
      outcome: t(`audit.outcome.${e.outcome}`),
      ok: e.outcome === 'succeeded',
      when: when.format(new Date(e.time)),
    });
    const card = this.cards.attachment('auditLog', {
      title: t('audit.title'),
      subtitle: t('audit.subtitle', { count: entries.length, filter }),
      entries: entries.map(row),
      emptyText: since ? t('audit.emptySince', { date: day.format(since) }) : t('audit.empty'),
    });
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}

/** Words that say when, not who (« la semaine dernière », "the last 7 days"). */
const PERIOD_WORDS =
  /^(last|past|this|week|weeks|month|months|today|yesterday|day|days|dernier|derniers|derniere|dernieres|semaine|semaines|mois|aujourd|hui|hier|jour|jours|ce|cette|depuis|since)$/;

/** When the period a message names began: today, yesterday, the last N days, the week, the month; none named, undefined. */
export function periodStart(text: string, now: Date): Date | undefined {
  const t = fold(text);
  const startOfDay = (daysAgo: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo));
  const days = /\b(\d{1,2})\s*(derniers?\s+)?(jours?|days?)\b/.exec(t);
  if (days) return startOfDay(Number(days[1]));
  if (/\b(aujourd'?hui|today)\b/.test(t)) return startOfDay(0);
  if (/\b(hier|yesterday)\b/.test(t)) return startOfDay(1);
  if (/\b(semaine|week)\b/.test(t)) return startOfDay(7);
  if (/\b(mois|month)\b/.test(t)) return startOfDay(30);
  return undefined;
}
