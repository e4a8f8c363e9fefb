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
      title: t(job.operation === 'license.assign' ? 'bulk.title.assign' : 'bulk.title.remove', { plan: job.plan.name }),
      summary:
        done === undefined
          ? t('bulk.report', { succeeded: succeeded.length, failed: failures.length, total: job.total })
          : t('bulk.progress', { done, total: job.total }),
      failed: failures.length,
      failedTitle: t('bulk.failedTitle'),
      failures: failures.map((f) => ({
        user: f.user.userPrincipalName,
        reason: userMessageFor(f.error, job.locale, this.localizer, job.correlationId).replace(/\s*(Référence pour le support|Reference for support).*$/, ''),
      })),
      succeededTitle: t('bulk.succeededTitle'),
      succeededList: succeeded.map((o) => o.user.userPrincipalName).join(', '),
    });
  }
}
