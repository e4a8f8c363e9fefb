import type { Attachment } from 'botbuilder';
import type { BulkJob, BulkJobMessages } from '../../bot/features/licences/bulkJobs';
import type { BulkOutcome } from '../../bot/features/licences/bulkLicenses';
import type { PrivateMessenger } from '../../bot/host/proactive';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import type { Localizer } from '../../bot/presentation/i18n';

/**
 * A bulk licence job in Teams: its one card, from progress to the report of who succeeded and who
 * failed and why, in the asker's language; and, for a job finished after a restart, the report in
 * the asker's 1:1 chat (BulkJobMessages, for the BulkJobs service).
 */
export class BulkJobCards implements BulkJobMessages {
  constructor(
    private readonly messenger: PrivateMessenger,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  async progress(job: BulkJob, done: number): Promise<void> {
    if (job.card) await this.messenger.update(job.card.conversation, job.card.activityId, { attachments: [this.card(job, [], done)] });
  }

  async report(job: BulkJob, outcomes: BulkOutcome[], resumed: boolean): Promise<void> {
    const report = this.card(job, outcomes);
    if (job.card) await this.messenger.update(job.card.conversation, job.card.activityId, { attachments: [report] }).catch(() => undefined);
    if (resumed) await this.messenger.send(job.caller.id, { text: this.localizer.t(job.locale, 'bulk.resumed'), attachments: [report] });
  }

  /** The progress card while `done` is given, the final report once it is not. */
  card(job: BulkJob, outcomes: BulkOutcome[], done?: number): Attachment {
    const t = (key: string, params = {}) => this.localizer.t(job.locale, key, params);
    const failures = outcomes.filter((o) => !o.ok);
    const succeeded = outcomes.filter((o) => o.ok);
    return this.cards.attachment('bulkReport', {
      title: this.title(job),
      summary:
        done === undefined
          ? t('bulk.report', { succeeded: succeeded.length, failed: failures.length, total: job.total })
          : t('bulk.progress', { done, total: job.total }),
      failed: failures.length,
      failedTitle: t('bulk.failedTitle'),
      failureGroups: [...groupBy(failures, (f) => this.reason(job, f))].map(([reason, people]) => ({ reason, people: this.names(job, people) })),
      succeededTitle: t('bulk.succeededTitle'),
      succeededList: this.names(job, succeeded),
    });
  }

  /** « Attribution de Microsoft 365 Business Basic ». */
  title(job: BulkJob): string {
    return this.localizer.t(job.locale, job.operation === 'license.assign' ? 'bulk.title.assign' : 'bulk.title.remove', { plan: job.plan.name });
  }

  /** Why it failed, as the person asking reads it (without the support reference, which the report does not need per person). */
  reason(job: BulkJob, failure: BulkOutcome): string {
    return userMessageFor(failure.error, job.locale, this.localizer, job.correlationId).replace(/\s*(Référence pour le support|Reference for support).*$/, '');
  }

  /**
   * The first people of a list, and how many more: a report stays far within what Teams delivers
   * (40 KB a message) whatever the size of the job.
   */
  private names(job: BulkJob, outcomes: BulkOutcome[]): string {
    const shown = outcomes
      .slice(0, NAMES_SHOWN)
      .map((o) => o.user.userPrincipalName)
      .join(', ');
    const more = outcomes.length - NAMES_SHOWN;
    return more > 0 ? this.localizer.t(job.locale, 'bulk.andMore', { names: shown, count: more }) : shown;
  }
}

/** People named on a report, per group: the rest are counted. */
const NAMES_SHOWN = 10;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
