import type { Entity } from './recognizer';
import { CAPABILITY_ROLES, ROLE_ALIASES, SERVICE_ALIASES, SKU_ALIASES } from './catalog';

/** Lower case, accents removed, « 0365 » read as O365, punctuation around words kept apart. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\b0365\b/g, 'o365')
    .replace(/\(\s*plan\s*(\d)\s*\)/g, 'plan $1');
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const DOMAIN =
  /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:fr|com|net|org|eu|io|be|ch|lu|ca|de|es|it|uk|info|biz|pro|tech|cloud|app|dev|onmicrosoft\.com)\b/gi;
/** An incident number with the word that introduces it (« incident 12 » is one ticket, not « incident » then a ticket). */
export const INCIDENT_MENTION =
  /(?:\binc[-\s]?\d{1,8}|\b(?:incident|ticket|demande|request)\s*(?:(?:n[o°]?|numero|number|num)\.?\s*|#\s*)?\d{1,8}|(?:^|\s)#\d{1,8})\b/gi;
const INCIDENT =
  /(?:\binc[-\s]?(\d{1,8})|\b(?:incident|ticket|demande|request)\s*(?:(?:n[o°]?|numero|number|num)\.?\s*|#\s*)?(\d{1,8})|(?:^|\s)#(\d{1,8}))\b/gi;

interface Alias<T> {
  alias: string;
  value: T;
  /** The alias as a whole word or phrase, compiled once. */
  pattern: RegExp;
  /** Its first word: an alias whose first word is not in the text is not tried. */
  first: string;
}

/** A catalogue of aliases, longest first (a longer name wins over a shorter one inside it), patterns compiled once. */
function aliasTable<T>(entries: { alias: string; value: T }[]): Alias<T>[] {
  return entries
    .map(({ alias, value }) => ({
      alias,
      value,
      first: alias.split(/[^\p{L}\p{N}]+/u).find(Boolean) ?? alias,
      pattern: new RegExp(`(^|[^\\p{L}\\p{N}@.-])(${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')})(?=$|[^\\p{L}\\p{N}@-])`, 'gu'),
    }))
    .sort((a, b) => b.alias.length - a.alias.length);
}

const SKUS = aliasTable(SKU_ALIASES.map(([alias, value]) => ({ alias, value })));
const byName = (table: [string, string[]][]) => aliasTable(table.flatMap(([value, aliases]) => aliases.map((alias) => ({ alias, value }))));
const ROLES = byName(ROLE_ALIASES);
const SERVICES = byName(SERVICE_ALIASES);

/** Every alias found in the folded text, longest first, none overlapping another. */
function findAliases<T>(folded: string, table: Alias<T>[]): { match: T; start: number; end: number }[] {
  const taken: { match: T; start: number; end: number }[] = [];
  const words = new Set(folded.split(/[^\p{L}\p{N}]+/u));
  for (const { value, pattern, first } of table) {
    if (!words.has(first)) continue;
    for (const m of folded.matchAll(pattern)) {
      const start = m.index! + m[1].length;
      const end = start + m[2].length;
      if (!taken.some((t) => start < t.end && end > t.start)) taken.push({ match: value, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * The folded text with each licence plan it names introduced by the word « licence » (« combien de
 * business premium il reste » → « combien de licence business premium il reste »): the classifiers
 * then read a plan named without the word as the licence request it is.
 */
export function markPlans(folded: string): string {
  let marked = folded;
  const text = folded.replace(EMAIL, (m) => ' '.repeat(m.length));
  // « admin sharepoint » is a role, not the SharePoint plan.
  const roles = findAliases(text, ROLES);
  for (const plan of findAliases(text, SKUS).reverse()) {
    if (roles.some((r) => plan.start < r.end && plan.end > r.start)) continue;
    if (/\blicen[cs]es?\s+$/.test(marked.slice(0, plan.start)) || /^licen[cs]e/.test(folded.slice(plan.start))) continue;
    marked = `${marked.slice(0, plan.start)}licence ${marked.slice(plan.start)}`;
  }
  return marked;
}

/**
 * The entities the contract names, found in a message: e-mail addresses (UPNs), licence plans (as Graph
 * skuPartNumbers; an ambiguous name carries all its candidates), directory roles, domains,
 * services, incident numbers.
 */
export function extractEntities(text: string): Entity[] {
  const folded = fold(text);
  const entities: Entity[] = [];
  const emails = [...new Set([...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase()))];
  entities.push(...emails.map((value) => ({ type: 'email' as const, value })));
  const withoutEmails = singularRoles(folded.replace(EMAIL, ' '));
  const skus = findAliases(withoutEmails, SKUS);
  for (const sku of skus) {
    entities.push({ type: 'sku', value: sku.match[0], ...(sku.match.length > 1 ? { candidates: sku.match } : {}) });
  }
  const roles = findAliases(withoutEmails, ROLES);
  entities.push(...roles.map((role) => ({ type: 'role' as const, value: role.match })));
  // « administrateur exchange » names a role and « Exchange Online (Plan 1) » a plan, not the Exchange service.
  const outsideRoles = blank(withoutEmails, [...roles, ...skus]);
  if (roles.length === 0) {
    const role = grantIn(folded)?.role;
    if (role) entities.push({ type: 'role', value: role });
  }
  for (const service of findAliases(withoutSuite(outsideRoles), SERVICES)) entities.push({ type: 'service', value: service.match });
  for (const m of withoutEmails.matchAll(DOMAIN)) entities.push({ type: 'domain', value: m[0].toLowerCase() });
  for (const m of folded.matchAll(INCIDENT)) entities.push({ type: 'incident', value: String(Number(m[1] ?? m[2] ?? m[3])) });
  return dedupe(entities);
}

/** Microsoft 365 as a whole (« office 365 », "m365"), not its apps: "is everything ok with office 365?" asks of every service. */
const SUITE = /\b(?:(?:office|microsoft|ms) ?365|o365|m365)\b(?!\s*(?:apps?|applications?)\b)/g;

function withoutSuite(text: string): string {
  return text.replace(SUITE, (suite) => ' '.repeat(suite.length));
}

/** The text with the spans found blanked out, each position kept (« administrateur exchange » is no Exchange service). */
function blank(text: string, spans: { start: number; end: number }[]): string {
  return spans.reduce((s, r) => s.slice(0, r.start) + ' '.repeat(r.end - r.start) + s.slice(r.end), text);
}

/** Administrators named in the plural (« les admins exchange », "the global admins", « administrateurs généraux »), as one. */
function singularRoles(folded: string): string {
  return folded
    .replace(/\b(admin|administrator|administrateur|administratrice)s\b/g, '$1')
    .replace(/\bgeneraux\b/g, 'general')
    .replace(/\bglobaux\b/g, 'global')
    .replace(/\bglobales\b/g, 'globale');
}

/** Words that say nothing of what is wanted, around a product named alone (« et outlook ? », "teams again", « au sujet d'outlook »). */
const FILLER = new Set([
  ...'et ou le la les l d mon ma mes sur avec de du des encore aussi alors bon hmm euh svp stp merci'.split(' '),
  // « c'est au sujet d'outlook », « une question sur teams », "it's about outlook"
  ...'c est au sujet a propos concernant question une un'.split(' '),
  ...'and or the my on with again too please thanks uh it s is about regarding re'.split(' '),
]);

/**
 * Whether a message names a service and nothing else (« outlook », « teams et outlook ? »): a
 * problem, an outage or setting it up are all as likely, whatever the classifier says.
 */
export function namesOnlyServices(text: string): boolean {
  const folded = fold(text);
  const services = findAliases(folded, SERVICES);
  if (services.length === 0) return false;
  return blank(folded, services)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => FILLER.has(word));
}

/**
 * « Lina doit pouvoir gérer les licences », "I need Lina to be able to reset passwords", « il faut
 * que Lina puisse gérer Teams »: someone (not the writer) must be able to do something; what
 * follows the modal, folded. First-person wishes (« je dois pouvoir… ») are no grant.
 */
const ABLE_TO = [
  /\b([\p{L}-]+) (?:ne |n')?(?:doit|devrait|devra|doivent|puisse|puissent|pourrait) (plus |pas |jamais )?(?:pouvoir |etre capable de |etre en mesure de )?(.+)/u,
  /\b(?:need|needs|want|wants|would like|'d like) ((?:[\p{L}-]+ ){0,2}?[\p{L}-]+) to (no longer |not )?(?:be able to|have the rights? to) (.+)/u,
  /\b([\p{L}-]+) (?:needs to|should|must|has to|ought to|shouldn't|mustn't|should not|must not|can't|cannot)( no longer| not| never)? (?:be able to )?(.+)/u,
];
/** « changer son mot de passe », "manage her mailbox": their own thing, which takes no role. */
const OWN_THING =
  /\b(sa|son|ses|her|his|their|leur|leurs)\s+(propres?\s+|own\s+)?(messagerie|boites?\b|mails?|mailbox|email|comptes?|accounts?|mots? de passe|passwords?|licen[cs]es?)\b/;
/** « ne doit plus pouvoir », "should no longer", "mustn't": the ability is to be taken away. */
const NOT_ANY_MORE = /\b(plus|pas|jamais|no longer|not|never|shouldn't|mustn't|can't|cannot)\b/;
const WRITER = /^(je|j|tu|on|nous|vous|i|me|you|we|it|ca|il|elle|they|he|she|this|that|cela)$/;

/** The role a request to let someone do something asks for (« Lina doit pouvoir gérer les licences » → License Administrator), if any. */
export function roleForCapability(text: string): string | undefined {
  return capabilityGrant(text)?.role;
}

/**
 * Who must be able to do something, and the role that allows it (« Lina doit pouvoir gérer les
 * licences » → lina, License Administrator); `revoke` when they must no longer (« Thomas ne doit plus
 * pouvoir gérer Teams »).
 */
export function capabilityGrant(text: string): { who: string; role: string; revoke: boolean } | undefined {
  return grantIn(fold(text));
}

/** capabilityGrant on text folded already. */
function grantIn(folded: string): { who: string; role: string; revoke: boolean } | undefined {
  const match = ABLE_TO.map((pattern) => pattern.exec(folded)).find((m) => m !== null);
  if (!match) return undefined;
  const [whole, who, negation, what] = match;
  const revoke = negation !== undefined || NOT_ANY_MORE.test(whole.slice(who.length, whole.length - what.length));
  // « ça doit pouvoir… », "Outlook should let me change my password": no one is given anything.
  if (WRITER.test(who) || findAliases(who, SERVICES).length > 0 || /\b(my|mon|ma|mes|me|moi)\b/.test(what) || OWN_THING.test(what)) return undefined;
  const role = roleAble(what);
  return role ? { who, role, revoke } : undefined;
}

/** « qui peut gérer les licences ? », "who can reset passwords?": what follows, folded. */
const WHO_CAN =
  /\b(?:qui peut|qui pourrait|qui a le droit de|qui a les droits pour|who can|who could|who is able to|who's able to|who has the rights? to)\b(.+)/;

/** The least-privileged role a question about who can do something names (« qui peut gérer les licences ? » → License Administrator), if any. */
export function capabilityAsked(text: string): string | undefined {
  const what = WHO_CAN.exec(fold(text))?.[1];
  return what === undefined ? undefined : roleAble(what);
}

/** The least-privileged role that allows what the words say (folded: « gerer les licences » → License Administrator). */
function roleAble(what: string): string | undefined {
  return CAPABILITY_ROLES.find(([pattern]) => pattern.test(what))?.[1];
}

function dedupe(entities: Entity[]): Entity[] {
  const seen = new Set<string>();
  return entities.filter((e) => {
    const key = `${e.type}:${e.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
