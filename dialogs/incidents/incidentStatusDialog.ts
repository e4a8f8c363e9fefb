import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { incidentLabel, isFinished } from '../../bot/features/incidents/incident';
import type { IncidentDesk } from '../../bot/features/incidents/incidentDesk';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import type { Localizer } from '../../bot/presentation/i18n';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';
import type { IncidentCards } from './incidentCards';
import { OPEN_INCIDENTS_DIALOG, OpenIncidentsDialog } from './openIncidentsDialog';

export const INCIDENT_STATUS_DIALOG = 'incidentStatusDialog';

/** Words by which someone speaks of their own incidents (« mon ticket », "my issue", « j'ai signalé », "I reported"). */
const OWN = /\b(mes|mon|ma|my|mine|moi|me|i|j|je)\b/;

/** « mes incidents », "my tickets": the list rather than the one in progress. */
const LISTING = /\b(mes|my|liste|list|tous|all)\b|\b(incidents|tickets)\b/;

/**
 * « où en est INC-000123 ? », « où en est mon ticket ? », « mes incidents »: a user sees their own
 * incidents (the card of one, where they may comment or close it; or the list); the helpdesk sees
 * anyone's, and, asking about incidents without saying « mes » (« any new tickets? »), the open
 * ones. An incident that does not exist and someone else's get the same answer.
 */
export class IncidentStatusDialog extends ComponentDialog {
  constructor(
    private readonly desk: IncidentDesk,
    private readonly incidents: IncidentCards,
    private readonly localizer: Localizer,
    openIncidents: OpenIncidentsDialog,
  ) {
    super(INCIDENT_STATUS_DIALOG);
    this.addDialog(new WaterfallDialog('status', [this.showStep.bind(this)]));
    this.addDialog(openIncidents);
    this.initialDialogId = 'status';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const caller = callerOf(step.context);
    const number = step.options.entities.find((e) => e.type === 'incident')?.value;
    if (number !== undefined) {
      const found = await this.desk.find(Number(number), caller.id);
      if (!found) {
        // The helpdesk sees every incident: « parmi les vôtres » would mislead them.
        const key = (await this.desk.isHandler(caller.id)) ? 'incident.notFoundAny' : 'incident.notFound';
        await step.context.sendActivity(t(key, { label: incidentLabel(Number(number)) }));
        return step.endDialog();
      }
      const note = found.asHelpdesk ? t('incident.handledInChannel') : '';
      await step.context.sendActivity({ attachments: [this.incidents.card(found.incident, locale, found.asHelpdesk ? 'reader' : 'requester', note)] });
      return step.endDialog();
    }
    // The helpdesk asking about incidents in general (« any new tickets? », « liste des incidents ») means the ones to handle.
    if (!OWN.test(fold(step.options.text)) && (await this.desk.isHandler(caller.id))) return step.replaceDialog(OPEN_INCIDENTS_DIALOG, step.options);
    const mine = await this.desk.mine(caller.id);
    if (mine.length === 0) {
      await step.context.sendActivity(t('incident.noneYet'));
      return step.endDialog();
    }
    const open = mine.filter((i) => !isFinished(i));
    if (open.length === 1 && !LISTING.test(fold(step.options.text))) {
      await step.context.sendActivity({ attachments: [this.incidents.card(open[0], locale, 'requester')] });
      return step.endDialog();
    }
    const card = this.incidents.list(
      mine.slice(0, 20),
      locale,
      t('incident.mine.title'),
      t('incident.mine.summary', { count: mine.length, open: open.length }),
      [{ title: t('intent.incident.declare'), action: 'incident.declare', text: '' }],
    );
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}
