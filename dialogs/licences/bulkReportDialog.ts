import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { BulkJobs } from '../../bot/features/licences/bulkJobs';
import { reportPageAsked } from '../../bot/nlu/namedRequests';
import type { Recognition } from '../../bot/nlu/recognizer';
import type { Authorizer } from '../../bot/policy/authorization';
import type { Localizer } from '../../bot/presentation/i18n';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';
import type { BulkJobCards } from './bulkJobCards';

export const BULK_REPORT_DIALOG = 'bulkReportDialog';

/** People a page of the detail lists: a message stays far within what Teams delivers. */
export const REPORT_PAGE_SIZE = 40;

/**
 * « détail du rapport », "full report": every person of the asker's last bulk licence job with
 * what happened to them, REPORT_PAGE_SIZE a page (« détail du rapport page 2 »), where the report
 * card names the first ten of each group only. The asker's own job only, for the licence roles.
 */
export class BulkReportDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly jobs: BulkJobs,
    private readonly cards: BulkJobCards,
    private readonly localizer: Localizer,
  ) {
    super(BULK_REPORT_DIALOG);
    this.addDialog(new WaterfallDialog('report', [this.showStep.bind(this)]));
    this.initialDialogId = 'report';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    await this.authorizer.require('license.report', step.context.activity.from?.aadObjectId);
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const job = await this.jobs.latestOf(callerOf(step.context).id);
    if (!job) {
      await step.context.sendActivity(t('bulk.detail.none'));
      return step.endDialog();
    }
    const outcomes = await this.jobs.outcomes(job);
    const pages = Math.max(1, Math.ceil(outcomes.length / REPORT_PAGE_SIZE));
    const page = Math.min(reportPageAsked(step.options.text), pages);
    const shown = outcomes.slice((page - 1) * REPORT_PAGE_SIZE, page * REPORT_PAGE_SIZE);
    const lines = shown.map((o) => `- ${o.user.userPrincipalName} : ${o.ok ? t('bulk.detail.done') : this.cards.reason(job, o)}`);
    const header = t('bulk.detail.header', { title: this.cards.title(job), page, pages, done: outcomes.length, total: job.total });
    const next = page < pages ? `\n\n${t('bulk.detail.next', { page: page + 1 })}` : '';
    await step.context.sendActivity({ type: 'message', textFormat: 'markdown', text: `${header}\n\n${lines.join('\n')}${next}` });
    return step.endDialog();
  }
}
