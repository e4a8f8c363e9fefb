/**
 * What the user wants. The labels are DESIGN.md's intents; one interface so that the offline
 * recognizer can be swapped (for nlp.js, or a cloud one) by configuration.
 */
export const INTENTS = [
  'license.list', 'license.assign', 'license.remove', 'license.change',
  'password.reset', 'password.change', 'admin.create', 'admin.roles',
  'incident.declare', 'incident.status', 'service.health', 'domain.setup',
  'mail.setup', 'support.contact', 'help', 'cancel', 'none',
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

/** Lower case, accents removed, so that « Licences », « licénces » and "LICENSES" read the same. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

const RULES: [Intent, RegExp][] = [
  ['cancel', /^(annule[rz]?|cancel|stop|laisse tomber)\b/],
  ['help', /^(aide|help|\?|que sais[- ]tu faire|what can you do)\b/],
  ['license.list', /\b(licen[cs]es?|inventaire|inventory)\b/],
];

/**
 * The first recognizer: a few anchored rules for what the bot can already do.
 * Anything else is `none`, which the main dialog answers with what it can do.
 */
export class RuleRecognizer implements Recognizer {
  async recognize(text: string): Promise<Recognition> {
    const normalized = normalize(text);
    const match = RULES.find(([, pattern]) => pattern.test(normalized));
    return { text, intent: match ? match[0] : 'none', score: match ? 1 : 0, entities: [] };
  }
}
