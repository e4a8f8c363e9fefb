/**
 * What a card may send back. Anyone can post a crafted card action, so every field a card sends is
 * checked before any dialog or service reads it: known fields only, strings of bounded length,
 * identifiers in their exact form, known verbs. An answer that fails gets « cette carte n'est pas
 * valide » and changes nothing. The core fields are here; each feature declares its own verbs and
 * fields (bot/features/<name>/feature.ts).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether one field's value is acceptable. */
export type FieldRule = (value: unknown) => boolean;

export const text =
  (max: number): FieldRule =>
  (value) =>
    typeof value === 'string' && value.length <= max;
export const oneOf =
  (...allowed: string[]): FieldRule =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
export const uuid: FieldRule = (value) => typeof value === 'string' && UUID.test(value);

/** Fields the shared cards of dialogs/core send (confirmations, choices, request buttons, the password card). */
const CORE_SUBMIT_FIELDS: Record<string, FieldRule> = {
  // confirmAction: Confirm / Cancel, bound to one card and one asker
  confirm: oneOf('yes', 'no'),
  token: uuid,
  asker: text(100),
  askerName: text(200),
  // choose: a pick among values, bound to the latest card of its kind
  pick: oneOf('plan', 'country', 'role', 'user', 'issue'),
  nonce: uuid,
  choice: text(200),
  // buttons that start a request, with the words they stand for
  action: text(40),
  text: text(500),
  sku: text(100),
  article: text(100),
  // temporaryPassword: Hide
  hide: oneOf('password'),
};

/** Teams may add its own properties beside a card's data; they are never read. */
const CLIENT_FIELDS = new Set(['msteams']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every field known (an own property of the rules: `__proto__`, `constructor` and `toString` are
 * no fields of ours) and valid. Teams' own `msteams` property is not read (the whole answer is bounded first).
 */
function fieldsValid(value: Record<string, unknown>, rules: Record<string, FieldRule>): boolean {
  return Object.entries(value).every(([key, field]) => CLIENT_FIELDS.has(key) || (Object.hasOwn(rules, key) && (field === undefined || rules[key](field))));
}

/** Our cards send flat data: a card answer nested deeper, or holding more values, than these was not sent by them. */
export const CARD_VALUE_LIMITS = { depth: 6, values: 200 } as const;

/** Whether a JSON value stays within `limits` of nesting and number of values (read without recursion, so depth cannot overflow the stack). */
export function withinBounds(value: unknown, limits: { depth: number; values: number } = CARD_VALUE_LIMITS): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (++seen > limits.values) return false;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limits.depth) return false;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return true;
}

export interface CardInvoke {
  verb: string;
  data: Record<string, string>;
}

/** The checks of every card answer, from the core fields and the features' declarations. */
export class CardAnswerRules {
  private readonly submitFields: Record<string, FieldRule>;

  constructor(
    featureSubmitFields: Record<string, FieldRule>,
    private readonly verbs: Record<string, Record<string, FieldRule>>,
  ) {
    this.submitFields = { ...CORE_SUBMIT_FIELDS, ...featureSubmitFields };
  }

  /** True when a message's `value` (an Action.Submit) is absent, or is one our cards could have sent. */
  isValidSubmit(value: unknown): boolean {
    if (value === undefined || value === null) return true;
    return isPlainObject(value) && withinBounds(value) && fieldsValid(value, this.submitFields);
  }

  /** An adaptiveCard/action invoke's verb and data, or undefined when our cards could not have sent it. */
  validInvoke(value: unknown): CardInvoke | undefined {
    if (!isPlainObject(value) || !withinBounds(value) || !isPlainObject(value.action)) return undefined;
    const { type, verb, data = {} } = value.action as { type?: unknown; verb?: unknown; data?: unknown };
    if (type !== undefined && type !== 'Action.Execute') return undefined;
    if (typeof verb !== 'string' || !Object.hasOwn(this.verbs, verb) || !isPlainObject(data)) return undefined;
    if (!fieldsValid(data, this.verbs[verb])) return undefined;
    const strings = Object.fromEntries(Object.entries(data).filter(([key, field]) => !CLIENT_FIELDS.has(key) && typeof field === 'string')) as Record<
      string,
      string
    >;
    return { verb, data: strings };
  }
}
