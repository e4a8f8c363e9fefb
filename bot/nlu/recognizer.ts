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
  /** Asked by a button of ours (the intent is the button's), not recognised in typed words. */
  clicked?: boolean;
}

export interface Recognizer {
  recognize(text: string): Promise<Recognition>;
}

/** How many recent messages a RememberingRecognizer keeps the recognition of. */
const REMEMBERED = 500;

/**
 * A recognizer that remembers what it recognised lately: recognition is a pure function of the
 * text, and one turn may ask it several times (is it a cancel? a new request? which intent?), while
 * many people type the same words (« aide », « licences »). Each caller gets a copy of its own.
 */
export class RememberingRecognizer implements Recognizer {
  private readonly recent = new Map<string, Recognition>();

  constructor(private readonly recognizer: Recognizer) {}

  async recognize(text: string): Promise<Recognition> {
    let recognition = this.recent.get(text);
    if (recognition) {
      this.recent.delete(text);
    } else {
      recognition = await this.recognizer.recognize(text);
      if (this.recent.size >= REMEMBERED) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(text, recognition);
    return structuredClone(recognition);
  }
}
