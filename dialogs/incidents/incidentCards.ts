import type { Attachment, ConversationReference } from 'botbuilder';
import { Incident, IncidentEvent, incidentLabel, isFinished } from '../../bot/features/incidents/incident';
import type { IncidentMessages } from '../../bot/features/incidents/incidentDesk';
import type { PrivateMessenger } from '../../bot/host/proactive';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { CardData } from '../../bot/presentation/cardTypes';
import type { Locale, Localizer, Params } from '../../bot/presentation/i18n';
import { typedText } from '../../bot/presentation/typedText';
import type { ConversationDirectory } from '../../bot/storage/conversationDirectory';

/** Who looks at an incident's card: the helpdesk in its channel, its requester, or a technician reading it elsewhere. */
export type Audience = 'helpdesk' | 'requester' | 'reader';

/** How many lines of an incident's history its card shows (its filing, then the latest). */
const HISTORY_SHOWN = 8;

/**
 * Incidents in Teams: their cards (in the helpdesk channel, for the requester, in lists) and the
 * private notices (IncidentMessages, for the IncidentDesk service).
 */
export class IncidentCards implements IncidentMessages {
  constructor(
    private readonly messenger: PrivateMessenger,
    private readonly conversations: ConversationDirectory,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  post(channel: Partial<ConversationReference>, incident: Incident, locale: Locale): Promise<string | undefined> {
    return this.messenger.sendTo(channel, { attachments: [this.card(incident, locale, 'helpdesk')] });
  }

  async refresh(incident: Incident, locale: Locale): Promise<void> {
    const channel = await this.conversations.helpdeskChannel();
    if (!channel || !incident.card?.activityId) return;
    const reference = { ...channel, conversation: { ...channel.conversation!, id: incident.card.conversationId ?? channel.conversation!.id } };
    // A card that cannot be refreshed now is refreshed at the next change; the change itself is saved.
    await this.messenger.update(reference, incident.card.activityId, { attachments: [this.card(incident, locale, 'helpdesk')] }).catch(() => undefined);
  }

  /**
   * Privately, in the requester's 1:1 chat with the bot; when there is none (they only ever spoke
   * to it in a channel or a group chat), in the conversation they declared the incident in.
   */
  async tellRequester(incident: Incident, event: IncidentEvent): Promise<boolean> {
    const locale = incident.requester.locale;
    const text = this.localizer.t(locale, `incident.notice.${event.kind}`, this.eventParams(incident, event, locale));
    const notice = { text, attachments: [this.card(incident, locale, 'requester')] };
    if (await this.messenger.send(incident.requester.id, notice)) return true;
    const declaredIn = incident.declaredIn ? await this.conversations.conversation(incident.declaredIn) : undefined;
    if (!declaredIn) return false;
    const named = { ...notice, text: `${incident.requester.name} — ${text}` };
    return this.messenger.sendTo(declaredIn, named).then(
      () => true,
      () => false,
    );
  }

  async tellTechnician(incident: Incident, event: IncidentEvent, locale: Locale): Promise<boolean> {
    if (!incident.technician) return false;
    return this.messenger.send(incident.technician.id, {
      text: this.localizer.t(locale, `incident.toTechnician.${event.kind}`, this.eventParams(incident, event, locale)),
    });
  }

  async warnPossibleOutage(channel: Partial<ConversationReference>, service: string, incidents: Incident[], locale: Locale): Promise<void> {
    const t = (key: string, params: Params = {}) => this.localizer.t(locale, key, params);
    const first = incidents[0];
    const minutes = first ? Math.max(1, Math.round((Date.now() - Date.parse(first.createdAt)) / 60000)) : 0;
    await this.messenger.sendTo(channel, {
      attachments: [
        this.cards.attachment('possibleOutage', {
          title: t('incident.outage.title', { service: this.serviceName(service, locale) }),
          text: t('incident.outage.text', { count: incidents.length, service: this.serviceName(service, locale), minutes }),
          incidents: incidents.map((i) => ({
            line: t('incident.outage.line', { label: incidentLabel(i.number), name: i.requester.name, description: typedText(clip(i.description, 120)) }),
          })),
        }),
      ],
    });
  }

  /** The incident's card, for whom looks at it; `note` is a line for the clicker alone (why their click did nothing). */
  card(incident: Incident, locale: Locale, audience: Audience, note = ''): Attachment {
    return this.cards.attachment('incident', this.cardData(incident, locale, audience, note));
  }

  cardData(incident: Incident, locale: Locale, audience: Audience, note = ''): CardData['incident'] {
    const t = (key: string, params: Params = {}) => this.localizer.t(locale, key, params);
    const open = !isFinished(incident);
    const facts = [
      { title: t('incident.fact.requester'), value: `${incident.requester.name} (${incident.requester.upn})` },
      { title: t('incident.fact.filed'), value: this.when(incident.createdAt, locale) },
      { title: t('incident.fact.impact'), value: t(`incident.impact.${incident.impact}`) },
      ...(incident.since ? [{ title: t('incident.fact.since'), value: typedText(incident.since) }] : []),
      ...(incident.phone ? [{ title: t('incident.fact.phone'), value: typedText(incident.phone) }] : []),
      ...(incident.technician ? [{ title: t('incident.fact.technician'), value: incident.technician.name }] : []),
      ...(incident.issue
        ? [
            {
              title: t('incident.fact.issue'),
              value: `${incident.issue.id} — ${incident.issue.title}${incident.issue.resolved ? ` (${t('incident.issueResolved')})` : ''}`,
            },
          ]
        : []),
    ];
    return {
      title: t('incident.title', { label: incidentLabel(incident.number), service: this.serviceName(incident.service, locale) }),
      stateText: t(`incident.state.${incident.state}`),
      stateColor: incident.state === 'new' ? 'Attention' : incident.state === 'taken' ? 'Accent' : 'Good',
      description: typedText(incident.description),
      facts,
      resolution: incident.resolution ? t('incident.resolution', { text: typedText(incident.resolution) }) : '',
      historyTitle: t('incident.history'),
      // Its filing, then the latest events.
      history: (incident.history.length <= HISTORY_SHOWN ? incident.history : [incident.history[0], ...incident.history.slice(1 - HISTORY_SHOWN)]).map(
        (event) => ({ line: t(`incident.event.${event.kind}`, this.eventParams(incident, event, locale)) }),
      ),
      note,
      number: String(incident.number),
      canTake: audience === 'helpdesk' && incident.state === 'new',
      takeTitle: t('incident.take'),
      canComment: open && audience !== 'reader',
      commentTitle: t('incident.comment'),
      commentLabel: t('incident.commentLabel'),
      sendTitle: t('incident.send'),
      commentVerb: audience === 'helpdesk' ? 'incidentComment' : 'incidentAddComment',
      canResolve: open && audience === 'helpdesk',
      resolveTitle: t('incident.resolve'),
      resolutionLabel: t('incident.resolutionLabel'),
      canClose: open && audience === 'requester',
      closeTitle: t('incident.close'),
    };
  }

  /** A list of incidents, each opening its card when clicked. */
  list(incidents: Incident[], locale: Locale, title: string, summary: string, actions: CardData['incidentList']['actions'] = []): Attachment {
    const t = (key: string, params: Params = {}) => this.localizer.t(locale, key, params);
    return this.cards.attachment('incidentList', {
      title,
      summary,
      items: incidents.map((i) => ({
        label: incidentLabel(i.number),
        heading: t('incident.title', { label: incidentLabel(i.number), service: this.serviceName(i.service, locale) }),
        stateText: t(`incident.state.${i.state}`) + (i.technician && i.state === 'taken' ? ` · ${i.technician.name}` : ''),
        stateColor: i.state === 'new' ? 'Attention' : i.state === 'taken' ? 'Accent' : 'Good',
        detail: t('incident.list.detail', { name: i.requester.name, at: this.when(i.createdAt, locale), description: typedText(clip(i.description, 100)) }),
      })),
      actions,
    });
  }

  serviceName(service: string, locale: Locale): string {
    return service === 'other' ? this.localizer.t(locale, 'incident.service.other') : service;
  }

  private eventParams(incident: Incident, event: IncidentEvent, locale: Locale): Params {
    return {
      at: this.when(event.at, locale),
      by: event.by.name,
      text: typedText(event.text ?? ''),
      label: incidentLabel(incident.number),
      service: this.serviceName(incident.service, locale),
      issue: incident.issue?.id ?? '',
    };
  }

  private when(iso: string, locale: Locale): string {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
