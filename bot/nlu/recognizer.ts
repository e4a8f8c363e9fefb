/**
 * What the user wants. The labels are the intents the project's contract names (README, « Understanding what people write »); one interface so that the offline
 * recognizer can be swapped (for nlp.js, or a cloud one) by configuration.
 */
export const INTENTS = [
  'license.list',
  'license.assign',
  'license.remove',
  'license.change',
  'password.reset',
  'password.change',
  'admin.create',
  'admin.roles',
  'incident.declare',
  'incident.status',
  'service.health',
  'domain.setup',
  'mail.setup',
  'support.contact',
  'help',
  'cancel',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

export interface Entity {
  type: 'email' | 'sku' | 'role' | 'domain' | 'service' | 'incident';
  value: string;
  /** When the words name several things (« E3 »: Office 365 E3 or Microsoft 365 E3), all of them; value is the first. */
  candidates?: string[];
}

export interface Recognition {
  text: string;
  intent: Intent;
  score: number;
  entities: Entity[];
  /** The language the message is written in, when it tells. */
  language?: 'fr' | 'en';
  /** The likeliest intents, best first (for a fallback offering choices). */
  alternatives?: { intent: Intent; score: number }[];
}

export interface Recognizer {
  recognize(text: string): Promise<Recognition>;
}
