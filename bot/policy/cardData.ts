/**
 * What a card may send back. Anyone can post a crafted card action, so every field a card sends is
 * checked here before any dialog or service reads it: known fields only, strings of bounded length,
 * identifiers in their exact form. An answer that fails gets « cette carte n'est pas valide » and
 * changes nothing.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Rule = (value: unknown) => boolean;

const text = (max: number): Rule => (value) => typeof value === 'string' && value.length <= max;
const oneOf = (...allowed: string[]): Rule => (value) => typeof value === 'string' && allowed.includes(value);
const uuid: Rule = (value) => typeof value === 'string' && UUID.test(value);

/** Every field an Action.Submit of cards/ sends (its data, and the inputs of its card). */
const SUBMIT_FIELDS: Record<string, Rule> = {
  // confirmAction: Confirm / Cancel, bound to one card and one asker
  confirm: oneOf('yes', 'no'),
  token: uuid,
  asker: text(100),
  askerName: text(200),
  // choose: a pick among values, bound to the latest card of its kind
  pick: oneOf('plan', 'country', 'role', 'user'),
  nonce: uuid,
  choice: text(200),
  // buttons that start a request, with the words they stand for
  action: text(40),
  text: text(500),
  sku: text(100),
  article: text(100),
  // temporaryPassword: Hide
  hide: oneOf('password'),
  // changePassword: the three password fields and the card's nonce
  changePassword: uuid,
  current: text(256),
  next: text(256),
  again: text(256),
};

/** The verbs of the Action.Execute buttons of cards/, and the data each carries. */
const INVOKE_FIELDS: Record<string, Record<string, Rule>> = {
  resetApprove: { requestId: uuid, reason: text(300) },
  resetRefuse: { requestId: uuid, reason: text(300) },
};

/** Teams may add its own properties beside a card's data; they are never read. */
const CLIENT_FIELDS = new Set(['msteams']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsValid(value: Record<string, unknown>, rules: Record<string, Rule>): boolean {
  return Object.entries(value).every(([key, field]) => CLIENT_FIELDS.has(key) || (key in rules && (field === undefined || rules[key](field))));
}

/** True when a message's `value` (an Action.Submit) is absent, or is one our cards could have sent. */
export function isValidSubmit(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return isPlainObject(value) && fieldsValid(value, SUBMIT_FIELDS);
}

export interface CardInvoke {
  verb: string;
  data: Record<string, string>;
}

/** An adaptiveCard/action invoke's verb and data, or undefined when our cards could not have sent it. */
export function validInvoke(value: unknown): CardInvoke | undefined {
  if (!isPlainObject(value) || !isPlainObject(value.action)) return undefined;
  const { type, verb, data = {} } = value.action as { type?: unknown; verb?: unknown; data?: unknown };
  if (type !== undefined && type !== 'Action.Execute') return undefined;
  if (typeof verb !== 'string' || !(verb in INVOKE_FIELDS) || !isPlainObject(data)) return undefined;
  if (!fieldsValid(data, INVOKE_FIELDS[verb])) return undefined;
  const strings = Object.fromEntries(Object.entries(data).filter(([key, field]) => !CLIENT_FIELDS.has(key) && typeof field === 'string')) as Record<string, string>;
  return { verb, data: strings };
}

/** The verbs the bot answers, for the checks that read them. */
export const CARD_VERBS = Object.keys(INVOKE_FIELDS);

export function isUuid(value: unknown): value is string {
  return uuid(value);
}
