import type { ConversationReference } from 'botbuilder';
import type { AuditLog } from '../../policy/audit';
import { InvalidRequest } from '../../policy/errors';
import type { Locale } from '../../presentation/i18n';
import type { ConversationDirectory } from '../../storage/conversationDirectory';
import type { HelpdeskChannel } from '../helpdesk/helpdeskChannel';
import type { Indexed, RecordTable } from '../../storage/recordTable';
import type { DirectoryService } from '../directory/directory';
import { INCIDENT_HANDLERS } from './feature';
import {
  Impact,
  IMPACTS,
  Incident,
  INCIDENT_SERVICES,
  IncidentEvent,
  IncidentState,
  incidentLabel,
  isFinished,
  LinkedIssue,
  MICROSOFT,
  Person,
} from './incident';

/**
 * The helpdesk and the requesters as Teams shows them: the incident's card in the helpdesk channel,
 * private notices. Worded and carded by the dialogs (dialogs/incidents/incidentCards.ts).
 */
export interface IncidentMessages {
  /** Posts the incident's card in the helpdesk channel; its activity id. DeliveryFailed when the channel refuses. */
  post(channel: Partial<ConversationReference>, incident: Incident, locale: Locale): Promise<string | undefined>;
  /** Replaces the card in the helpdesk channel with the incident as it is now (nothing when it was never posted). */
  refresh(incident: Incident, locale: Locale): Promise<void>;
  /** Tells the requester privately, in their language, what just happened to their incident; false when it cannot reach them. */
  tellRequester(incident: Incident, event: IncidentEvent): Promise<boolean>;
  /** Tells the technician who holds the incident what its requester did, in the helpdesk channel's language. */
  tellTechnician(incident: Incident, event: IncidentEvent, locale: Locale): Promise<boolean>;
  /** One warning in the helpdesk channel: several incidents on one service while Microsoft reports nothing. */
  warnPossibleOutage(channel: Partial<ConversationReference>, service: string, incidents: Incident[], locale: Locale): Promise<void>;
}

interface RoleReader {
  rolesOf(userId: string): Promise<string[]>;
  currentRolesOf(userId: string): Promise<string[]>;
}

export interface OutageSettings {
  /** Incidents on one service within this many minutes… */
  windowMinutes: number;
  /** …this many of them, while Microsoft reports nothing, make one warning. */
  threshold: number;
}

export interface IncidentDeskServices {
  table: RecordTable<Incident>;
  conversations: ConversationDirectory;
  directory: DirectoryService;
  roles: RoleReader;
  audit: AuditLog;
  messages: IncidentMessages;
  helpdesk: HelpdeskChannel;
  outage: OutageSettings;
  now?: () => Date;
}

/** What the requester said, on the declaration card. */
export interface IncidentDraft {
  service: string;
  impact: Impact;
  description: string;
  since?: string;
  phone?: string;
  /** Microsoft's issue the requester chose to link it to. */
  issue?: LinkedIssue;
}

export interface Filed {
  incident: Incident;
  /** posted: in the helpdesk channel; saved: kept, the channel refused it (posted again later); noChannel: none designated yet. */
  delivery: 'posted' | 'saved' | 'noChannel';
}

export type HelpdeskVerb = 'incidentTake' | 'incidentComment' | 'incidentResolve';
export type RequesterVerb = 'incidentAddComment' | 'incidentClose';

export interface Act<V> {
  actor: Person;
  verb: V;
  number: number;
  /** The comment or resolution typed on the card. */
  text?: string;
  correlationId: string;
}

export type ActOutcome =
  | { outcome: 'unknown' }
  /** Nothing changed; `because` says why (the click came from elsewhere, the clicker lacks the role, it is someone else's…). */
  | { outcome: 'refused'; incident: Incident; because: 'place' | 'role' | 'notYours' | 'finished' | 'takenByOther' | 'textMissing' }
  | { outcome: 'done'; incident: Incident; event: IncidentEvent };

export interface IncidentFilter {
  service?: string;
  state?: 'new' | 'taken';
  /** The technician's Entra id, or a part of their name. */
  technician?: { id?: string; name?: string };
}

const PARTITION = 'incident';
const MAX_TEXT = 2000;
/**
 * The events an incident keeps: its filing and the latest ones. A record is one Table Storage
 * property, 32,000 characters at most; twenty comments of a thousand characters fit.
 */
const HISTORY_KEPT = 20;

/** The incident's history with `event` added: its filing kept, then the latest events. */
function withEvent(history: IncidentEvent[], event: IncidentEvent): IncidentEvent[] {
  const all = [...history, event];
  return all.length <= HISTORY_KEPT ? all : [all[0], ...all.slice(all.length - HISTORY_KEPT + 1)];
}

/** Row keys sort by number (Table Storage sorts row keys as text). */
const rowOf = (number: number) => String(number).padStart(10, '0');

/**
 * Incidents: declared by users, numbered (INC-000123, unique across every instance of the bot),
 * kept in Table Storage before anything is said, posted in the helpdesk channel and worked there
 * (take, comment, resolve: role-checked at the click, first write wins by ETag), followed by their
 * requester (notices, comments, closing), every change audited.
 */
export class IncidentDesk {
  private readonly now: () => Date;

  constructor(private readonly s: IncidentDeskServices) {
    this.now = s.now ?? (() => new Date());
  }

  /**
   * Files an incident: checked, numbered and stored (a storage failure throws before anything is
   * said, and leaves nothing behind), audited, then posted in the helpdesk channel.
   */
  async file(requester: { id: string; locale: Locale; conversationId?: string }, draft: IncidentDraft, correlationId: string): Promise<Filed> {
    const description = draft.description.trim();
    if (!description || description.length > MAX_TEXT) throw new InvalidRequest('an incident needs a description');
    if (!(INCIDENT_SERVICES as readonly string[]).includes(draft.service)) throw new InvalidRequest(`unknown service ${draft.service}`);
    if (!IMPACTS.includes(draft.impact)) throw new InvalidRequest(`unknown impact ${draft.impact}`);
    const person = await this.s.directory.person(requester.id);
    const who: Person = { id: person.id, name: person.displayName };
    const number = await this.s.table.nextNumber('sequence', 'incident');
    const at = this.now().toISOString();
    const incident: Incident = {
      number,
      requester: { ...who, upn: person.userPrincipalName, locale: requester.locale },
      service: draft.service,
      impact: draft.impact,
      description,
      since: draft.since?.trim() || undefined,
      phone: draft.phone?.trim() || undefined,
      state: 'new',
      createdAt: at,
      updatedAt: at,
      history: [{ at, by: who, kind: 'filed' }],
      issue: draft.issue,
      declaredIn: requester.conversationId,
    };
    await this.s.table.create(PARTITION, rowOf(number), incident, indexOf(incident));
    try {
      await this.s.audit.record({
        correlationId,
        caller: who,
        operation: 'incident.declare',
        target: incidentLabel(number),
        parameters: { service: incident.service, impact: incident.impact, ...(incident.issue ? { issue: incident.issue.id } : {}) },
        outcome: 'succeeded',
      });
    } catch (error) {
      // Not audited, not filed: the user is told storage failed, and no incident is left half-made.
      await this.s.table.remove(PARTITION, rowOf(number)).catch(() => undefined);
      throw error;
    }
    const delivery = await this.deliver(incident);
    if (!incident.issue && incident.service !== 'other') await this.warnIfOutage(incident).catch(() => undefined);
    return { incident: (await this.get(number)) ?? incident, delivery };
  }

  async get(number: number): Promise<Incident | undefined> {
    return this.s.table.get(PARTITION, rowOf(number));
  }

  /** An incident as this person may see it: their own, or anyone's for the helpdesk; undefined otherwise (as if it did not exist). */
  async find(number: number, viewerId: string): Promise<{ incident: Incident; asHelpdesk: boolean } | undefined> {
    const incident = await this.get(number);
    if (!incident) return undefined;
    if (incident.requester.id === viewerId) return { incident, asHelpdesk: false };
    return (await this.isHandler(viewerId)) ? { incident, asHelpdesk: true } : undefined;
  }

  /** The person's incidents, newest first. */
  async mine(requesterId: string): Promise<Incident[]> {
    const mine = await this.s.table.list(PARTITION, 1000, { requesterId });
    return mine.sort((a, b) => b.number - a.number);
  }

  /** The incidents not resolved yet, oldest first, narrowed by service, state and technician. */
  async open(filter: IncidentFilter = {}): Promise<Incident[]> {
    const states: IncidentState[] = filter.state ? [filter.state] : ['new', 'taken'];
    const found = (await Promise.all(states.map((state) => this.s.table.list(PARTITION, 1000, { state })))).flat();
    const name = filter.technician?.name?.toLowerCase();
    return found
      .filter((i) => !filter.service || i.service === filter.service)
      .filter((i) => !filter.technician?.id || i.technician?.id === filter.technician.id)
      .filter((i) => !name || (i.technician?.name.toLowerCase().includes(name) ?? false))
      .sort((a, b) => a.number - b.number);
  }

  /** Whether this person works incidents (roles a minute old at most: what they may see). */
  async isHandler(userId: string): Promise<boolean> {
    return handles(await this.s.roles.rolesOf(userId));
  }

  /**
   * Take, Comment or Resolve, clicked on the incident's card in the helpdesk channel. Refused,
   * with nothing changed, when the click comes from elsewhere, the clicker holds no helpdesk
   * role, the incident is finished, someone else took it first, or the text is missing. The
   * change is written only over the version read: two technicians taking it at once, one wins.
   */
  async act(asked: Act<HelpdeskVerb>, conversationId: string): Promise<ActOutcome> {
    const incident = await this.get(asked.number);
    if (!incident) return { outcome: 'unknown' };
    const audit = this.auditOf(asked, incident);
    if (!(await this.s.conversations.inHelpdesk(conversationId, incident.card?.conversationId))) {
      await this.s.audit.record({ ...audit, outcome: 'refused', error: 'not from the helpdesk channel' });
      return { outcome: 'refused', incident, because: 'place' };
    }
    if (!handles(await this.s.roles.currentRolesOf(asked.actor.id))) {
      await this.s.audit.record({ ...audit, outcome: 'refused', error: 'roles do not allow it' });
      return { outcome: 'refused', incident, because: 'role' };
    }
    const text = asked.text?.trim();
    if (asked.verb !== 'incidentTake' && !text) return { outcome: 'refused', incident, because: 'textMissing' };
    return this.change(asked, audit, (current, event) => {
      const { kind } = event;
      if (isFinished(current)) return 'finished';
      if (kind === 'taken' && current.technician && current.technician.id !== asked.actor.id) return 'takenByOther';
      if (kind === 'taken' && current.technician?.id === asked.actor.id) return 'unchanged';
      if (kind === 'taken' || (kind === 'resolved' && !current.technician)) current.technician = asked.actor;
      if (kind === 'taken') current.state = 'taken';
      if (kind === 'resolved') Object.assign(current, { state: 'resolved', resolution: text });
      current.history = withEvent(current.history, { ...event, text });
      return current;
    });
  }

  /** Comment or Close, clicked by the requester on their own incident's card (anyone else's click is refused). */
  async requesterAct(asked: Act<RequesterVerb>): Promise<ActOutcome> {
    const incident = await this.get(asked.number);
    if (!incident) return { outcome: 'unknown' };
    const audit = this.auditOf(asked, incident);
    if (incident.requester.id !== asked.actor.id) {
      await this.s.audit.record({ ...audit, outcome: 'refused', error: 'not the requester' });
      return { outcome: 'refused', incident, because: 'notYours' };
    }
    const text = asked.text?.trim();
    if (asked.verb === 'incidentAddComment' && !text) return { outcome: 'refused', incident, because: 'textMissing' };
    const outcome = await this.change(asked, audit, (current, event) => {
      if (isFinished(current)) return 'finished';
      if (event.kind === 'closed') current.state = 'closed';
      current.history = withEvent(current.history, { ...event, text });
      return current;
    });
    if (outcome.outcome === 'done') {
      const locale = await this.s.helpdesk.locale();
      await this.s.messages.refresh(outcome.incident, locale);
      if (outcome.incident.technician) await this.s.messages.tellTechnician(outcome.incident, outcome.event, locale);
    }
    return outcome;
  }

  /**
   * Records what Microsoft posted on the linked issue (an update, or its resolution) in the
   * incident, tells its requester and refreshes the helpdesk card. False when it was known already.
   */
  async issueChanged(number: number, issue: LinkedIssue, latest: string | undefined): Promise<boolean> {
    let event: IncidentEvent | undefined;
    const updated = await this.s.table.update(
      PARTITION,
      rowOf(number),
      (current) => {
        if (!current.issue || current.issue.id !== issue.id || current.issue.lastModified >= issue.lastModified) return undefined;
        event = { at: this.now().toISOString(), by: MICROSOFT, kind: issue.resolved ? 'issueResolved' : 'issueUpdated', text: latest };
        current.issue = issue;
        current.updatedAt = event.at;
        current.history = withEvent(current.history, event);
        return current;
      },
      indexOf,
    );
    if (!updated || !event) return false;
    await this.s.messages.tellRequester(updated, event);
    await this.s.messages.refresh(updated, await this.s.helpdesk.locale());
    return true;
  }

  /** Open incidents linked to a Microsoft issue Microsoft has not resolved yet. */
  async following(): Promise<Incident[]> {
    return (await this.open()).filter((i) => i.issue && !i.issue.resolved);
  }

  /** Posts the incidents the helpdesk channel has not received yet; how many it took. Stops at the first refusal. */
  async deliverPending(): Promise<number> {
    let delivered = 0;
    for (const incident of (await this.open()).filter((i) => !i.card?.activityId)) {
      if ((await this.deliver(incident)) !== 'posted') break;
      delivered++;
    }
    return delivered;
  }

  /** The change, written over the version read (retried when another click wrote first), audited, told. */
  private async change(
    asked: Act<HelpdeskVerb | RequesterVerb>,
    audit: Omit<Parameters<AuditLog['record']>[0], 'outcome'>,
    apply: (current: Incident, event: IncidentEvent) => Incident | 'finished' | 'takenByOther' | 'unchanged',
  ): Promise<ActOutcome> {
    let refusal: 'finished' | 'takenByOther' | undefined;
    let event: IncidentEvent | undefined;
    const kind = (
      { incidentTake: 'taken', incidentComment: 'commented', incidentResolve: 'resolved', incidentAddComment: 'commented', incidentClose: 'closed' } as const
    )[asked.verb];
    const updated = await this.s.table.update(
      PARTITION,
      rowOf(asked.number),
      (current) => {
        refusal = undefined;
        event = { at: this.now().toISOString(), by: asked.actor, kind };
        const result = apply(current, event);
        if (result === 'unchanged') {
          event = undefined;
          return undefined;
        }
        if (typeof result === 'string') {
          refusal = result;
          return undefined;
        }
        result.updatedAt = event.at;
        return result;
      },
      indexOf,
    );
    if (!updated) return { outcome: 'unknown' };
    if (refusal) {
      await this.s.audit.record({ ...audit, outcome: 'refused', error: refusal === 'finished' ? 'already finished' : 'taken by someone else' });
      return { outcome: 'refused', incident: updated, because: refusal };
    }
    if (!event) return { outcome: 'done', incident: updated, event: updated.history[updated.history.length - 1] };
    await this.s.audit.record({ ...audit, outcome: 'succeeded' });
    if (event.by.id !== updated.requester.id) await this.s.messages.tellRequester(updated, updated.history[updated.history.length - 1]);
    return { outcome: 'done', incident: updated, event: updated.history[updated.history.length - 1] };
  }

  private auditOf(asked: Act<string>, incident: Incident) {
    return {
      correlationId: asked.correlationId,
      caller: asked.actor,
      operation: `incident.${asked.verb.replace(/^incident/, '').replace(/^./, (c) => c.toLowerCase())}`,
      target: incidentLabel(incident.number),
      parameters: { service: incident.service },
    };
  }

  /**
   * Posts the incident in the helpdesk channel (in the language of the admin who designated it).
   * When the channel refuses, the incident stays saved and its designator is told once.
   */
  private async deliver(incident: Incident): Promise<Filed['delivery']> {
    const posted = await this.s.helpdesk.post((channel, locale) => this.s.messages.post(channel, incident, locale));
    if (posted === 'noChannel') return 'noChannel';
    if (posted === 'refused') return 'saved';
    // Posted: if its place cannot be written down now, the card is simply posted again later.
    await this.s.table.update(PARTITION, rowOf(incident.number), (current) => ({ ...current, card: posted }), indexOf).catch(() => undefined);
    return 'posted';
  }

  /**
   * Several incidents on one service within the window while Microsoft reports nothing: one
   * warning in the helpdesk channel, with the incidents grouped (once a window, whichever
   * instance of the bot files the incident that makes the count).
   */
  private async warnIfOutage(incident: Incident): Promise<void> {
    const windowMs = this.s.outage.windowMinutes * 60_000;
    const since = new Date(this.now().getTime() - windowMs).toISOString();
    const recent = (await this.s.table.list(PARTITION, 1000, { service: incident.service })).filter((i) => i.createdAt >= since && !i.issue && !isFinished(i));
    if (recent.length < this.s.outage.threshold) return;
    if (!(await this.s.helpdesk.designated())) return;
    const bucket = Math.floor(this.now().getTime() / windowMs);
    // The incident that made the count is kept as the warning's record.
    const first = await this.s.table.create('warning', `${Buffer.from(incident.service).toString('base64url')}-${bucket}`, incident);
    if (!first) return;
    await this.s.helpdesk.post((channel, locale) =>
      this.s.messages.warnPossibleOutage(
        channel,
        incident.service,
        recent.sort((a, b) => a.number - b.number),
        locale,
      ),
    );
  }

  /** The language of the helpdesk channel's cards: its designator's (everyone in the channel sees one card). */
  channelLocale(): Promise<Locale> {
    return this.s.helpdesk.locale();
  }
}

/** Whether these roles work incidents. */
function handles(roles: string[]): boolean {
  return roles.some((role) => (INCIDENT_HANDLERS as readonly string[]).includes(role));
}

/** The columns incidents are found by. */
function indexOf(incident: Incident): Indexed {
  return { requesterId: incident.requester.id, state: incident.state, service: incident.service, technicianId: incident.technician?.id ?? '' };
}
