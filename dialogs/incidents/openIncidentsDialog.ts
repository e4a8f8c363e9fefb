import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { IncidentDesk, IncidentFilter } from '../../bot/features/incidents/incidentDesk';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import type { Authorizer } from '../../bot/policy/authorization';
import type { Localizer } from '../../bot/presentation/i18n';
import { callerOf, localeOf } from '../../bot/turn/turnSetup';
import type { IncidentCards } from './incidentCards';

export const OPEN_INCIDENTS_DIALOG = 'openIncidentsDialog';

/** « non pris », « nouveaux », « qui ne sont pas pris », « sans technicien », "unassigned", "new", "not picked up". */
const NOT_TAKEN =
  /\b(nouveaux?|nouvelles?|non (pris|assigne|attribue)s?|pas (encore )?(pris|assignes|attribues)|sans technicien|en attente|new|unassigned|untaken|waiting|not (yet )?(taken|assigned|picked up)|n't been (taken|assigned|picked up)|(nobody|no one) (has )?(taken|took|picked up))\b/;
/** « pris en charge », « en cours », "taken", "in progress". */
const TAKEN = /\b(pris en charge|pris|assigne(e)?s?|attribue(e)?s?|taken|assigned|in progress)\b/;
/** « les miens », « pris par moi », "mine", "assigned to me". */
const MINE = /\b(les miens|a moi|par moi|mine|assigned to me|taken by me)\b/;
/** « pris par Karim », « de Karim », "assigned to Karim", "Karim's": the words after them may be a technician's name. */
const TECHNICIAN = /\b(?:par|de|a|to|by)\s+([\p{L}-]{3,})/u;

/**
 * « incidents ouverts », « incidents Exchange non pris », « incidents pris par Karim »: the
 * incidents not resolved yet, for the helpdesk, narrowed by service, state and technician.
 */
export class OpenIncidentsDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly desk: IncidentDesk,
    private readonly incidents: IncidentCards,
    private readonly localizer: Localizer,
  ) {
    super(OPEN_INCIDENTS_DIALOG);
    this.addDialog(new WaterfallDialog('open', [this.listStep.bind(this)]));
    this.initialDialogId = 'open';
  }

  private async listStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    await this.authorizer.require('incident.open', step.context.activity.from?.aadObjectId);
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const filter = filterFrom(step.options, callerOf(step.context).id);
    const found = await this.desk.open(filter);
    const said = [
      filter.service ? t('incident.filter.service', { service: this.incidents.serviceName(filter.service, locale) }) : '',
      filter.state ? t(`incident.filter.${filter.state}`) : '',
      filter.technician ? t('incident.filter.technician', { name: filter.technician.name ?? t('incident.filter.you') }) : '',
    ]
      .filter(Boolean)
      .join(', ');
    const filters = said ? ` (${said})` : '';
    if (found.length === 0) {
      await step.context.sendActivity(t('incident.open.none', { filters }));
      return step.endDialog();
    }
    const card = this.incidents.list(found.slice(0, 30), locale, t('incident.open.title'), t('incident.open.summary', { count: found.length, filters }));
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }
}

/** The service, state and technician the request names. */
function filterFrom(recognition: Recognition, callerId: string): IncidentFilter {
  const text = fold(recognition.text);
  const filter: IncidentFilter = {};
  filter.service = recognition.entities.find((e) => e.type === 'service')?.value;
  if (NOT_TAKEN.test(text)) filter.state = 'new';
  else if (TAKEN.test(text.replace(/\b(a|par|to|by) (moi|me)\b/, ''))) filter.state = 'taken';
  if (MINE.test(text)) filter.technician = { id: callerId };
  else {
    const named = TECHNICIAN.exec(text)?.[1];
    if (
      named &&
      !/^(service|support|exchange|teams|sharepoint|onedrive|outlook|moi|me|aujourd|today|traiter|handle|jour|semaine|week|hier|yesterday|microsoft)$/.test(
        named,
      )
    )
      filter.technician = { name: named[0].toUpperCase() + named.slice(1) };
  }
  return filter;
}
