import type { Locale } from '../../presentation/i18n';

export type Impact = 'me' | 'team' | 'company';
export const IMPACTS: readonly Impact[] = ['me', 'team', 'company'];

/** new: nobody took it yet; taken: a technician works on it; resolved by the helpdesk; closed by its requester. */
export type IncidentState = 'new' | 'taken' | 'resolved' | 'closed';

/** The services people report incidents on, as Microsoft's service health names them, and « other ». */
export const INCIDENT_SERVICES = [
  'Exchange Online',
  'Microsoft Teams',
  'SharePoint Online',
  'OneDrive for Business',
  'Microsoft 365 apps',
  'Microsoft Entra',
  'Microsoft Forms',
  'other',
] as const;

export interface Person {
  id: string;
  name: string;
}

/** Something that happened to an incident, as its history shows it. */
export interface IncidentEvent {
  at: string;
  /** Who did it; Microsoft for the updates of a linked service issue. */
  by: Person;
  kind: 'filed' | 'taken' | 'commented' | 'resolved' | 'closed' | 'issueUpdated' | 'issueResolved';
  text?: string;
}

/** Microsoft's own issue on the service, when the requester linked the incident to it. */
export interface LinkedIssue {
  id: string;
  title: string;
  /** Microsoft's lastModifiedDateTime when the bot last read it. */
  lastModified: string;
  resolved: boolean;
}

export interface Incident {
  number: number;
  requester: Person & { upn: string; locale: Locale };
  service: string;
  impact: Impact;
  description: string;
  /** Since when, in the requester's words (« depuis ce matin »). */
  since?: string;
  phone?: string;
  state: IncidentState;
  createdAt: string;
  updatedAt: string;
  technician?: Person;
  resolution?: string;
  history: IncidentEvent[];
  issue?: LinkedIssue;
  /** The card posted in the helpdesk channel, refreshed at every change. */
  card?: { activityId?: string; conversationId?: string };
  /** The conversation it was declared in: where its requester hears of it when the bot has no 1:1 chat with them. */
  declaredIn?: string;
}

/** INC-000123. */
export function incidentLabel(number: number): string {
  return `INC-${String(number).padStart(6, '0')}`;
}

export function isFinished(incident: Incident): boolean {
  return incident.state === 'resolved' || incident.state === 'closed';
}

/** Who speaks for Microsoft in an incident's history. */
export const MICROSOFT: Person = { id: 'microsoft', name: 'Microsoft' };
