import type { Operation } from '../policy/capabilities';
import { capabilityAsked, capabilityGrant, extractEntities, fold, roleForCapability } from './entities';
import { conceptsOf } from './concepts';
import { normalise } from './normalise';

/** The verbs of « qui a … ? » / "who … ?" asked about a write the audit log keeps (folded). */
const AUDIT_VERBS =
  'modifie|change|retire|supprime|ajoute|donne|attribue|affecte|reinitialise|cree|enleve|touche|fait|changed|removed|gave|assigned|reset|created|deleted|modified|added|granted|revoked|took|touched|messed with|' +
  // as a non-native speaker writes them (« who has modify the licence of Paul »)
  'modify|remove|give|given|assign|create|delete|add|grant|revoke|take|taken|touch';

/** « qu'est-ce que j'ai fait aujourd'hui ? », "what did I do today?", « mes dernières actions »: the caller's own entries in the audit log. */
export const OWN_ACTIONS =
  /\b(what (did|have) i (done|do|changed?)|what i (did|changed)|my (recent |last |latest )?(actions|changes|operations)|mes (dernieres |recentes )?(actions|operations|modifications)|(qu'?est-ce que|ce que) j'?ai (fait|modifie|change))\b/;

/**
 * Requests asked for by name rather than through one of the recognizer's intent labels (a contract
 * other scripts read): recognised here, before the intents.
 */
const NAMED: [Operation, RegExp][] = [
  // « journal d'audit », "audit log"; « qui a retiré la licence de Paul ? », "who reset Julie's password?"
  // (a write the log keeps: « who took my ticket? » is about one's incident)
  [
    'audit.read',
    new RegExp(
      `\\b(journal d'?\\s*audit|journal des (operations|actions)|audit (log|trail)|historique des (operations|actions|changements|modifications)|(change|activity) (log|history)|history of (changes|operations|actions)|audit)\\b|${OWN_ACTIONS.source}|^(?:qui a|who(?: has)?|(?:has|did) (?:anyone|anybody|somebody|someone)|(?:est-ce que )?quelqu'un a) (?:(?!(?:can|could|may|might|should|will|would|must|peut|pourrait|doit|sait|saurait)\\b)\\S+ )?(${AUDIT_VERBS})\\b.*\\b(licen[cs]es?|lic|mots? de passe|mdp|passwords?|pwds?|roles?|admin\\w*|droits?|rights|comptes?|accounts?|domaines?|domains?|e3|e5|business)\\b`,
    ),
  ],
  // « demandes en attente », "pending requests"
  // (« demandes de mot de passe en attente », "pending password reset requests")
  [
    'helpdesk.pending',
    /\b(demandes? (de (reinitialisation|mot de passe|motdepasse|mdp) )?(en attente|en cours|non traitees)|(pending|open|waiting) ((password|pwd) )?(reset )?requests?)\b/,
  ],
  // « incidents ouverts », « tickets non résolus », "open incidents": the helpdesk's list (« mes incidents » is
  // incident.status; Microsoft's own open incidents are service health)
  [
    'incident.open',
    /^(?!.*\b(mes|my|mon|microsoft|ms|office 365|o365|m365)\b).*\b((incidents|tickets) (ouverts|en cours|non (resolus|traites|pris)|en attente|a traiter|du support)|(open|unresolved|pending|active|unassigned) (incidents|tickets)|(incidents|tickets) (open|to handle|in progress)|(incidents|tickets) (pris|pris en charge|assignes|attribues) (par|a) moi|(incidents|tickets) (taken|handled|assigned) (by|to) me|(incidents|tickets) (qui )?(ne sont pas|n'ont pas ete|sont pas|ne sont toujours pas) (encore )?(pris|traites|resolus|assignes)|(incidents|tickets) sans technicien|(incidents|tickets) (that )?(are not|aren't|have not been|haven't been|are still not) (yet )?(taken|handled|resolved|assigned|picked up)|(incidents|tickets) (nobody|no one) (has )?(taken|took|picked up))\b/,
  ],
  // "what's in the queue?", « qu'est-ce qui attend ? », « la file d'attente »: the helpdesk's own queue
  [
    'incident.open',
    /\b((what'?s|what is) (in )?(the|my|our) (queue|backlog)|(what'?s|what is) (waiting|pending)|the (ticket |support )?queue|la file( d'attente)?( du support)?|ma file|(qu'?est-ce qui|ce qui) (attend|est en attente))\b/,
  ],
  // « détail du rapport », « rapport complet », "full report", "show the whole list": the last bulk job's every outcome, paged
  [
    'license.report',
    /\b(detail(s)? du (dernier )?rapport|rapport (complet|detaille|en detail)|liste complete (du rapport|des (reussites|echecs))|(full|whole|complete|detailed) (bulk )?report|report details?|(whole|full) list of (the )?(report|results))\b/,
  ],
  // « ce canal est le canal du support », "this is the helpdesk channel" (said in that channel)
  ['helpdesk.configure', /\b(canal (du|de) (support|l'assistance|helpdesk)|helpdesk channel|support channel)\b/],
];

/** Someone arriving, and what to prepare (« une nouvelle recrue arrive lundi, que dois-je faire ? », "a new starter joins next week, what do I need to do?"). */
const ARRIVAL =
  /\b(new (starter|joiner|hire|employee|recruit|colleague)s?|(hired|recruited|taken on|embauche\w*|recrute\w*)|nouvel(le)? (arrivante?|recrue|employee?|salariee?|collaborat\w*|stagiaire)|nouveau (salarie|collaborateur|stagiaire|venu))\b.*\b(what (do|should|must) (i|we)|que (dois|faut|doit)|quoi faire|qu'est-ce qu'il faut|onboard\w*|procedure|set (him|her|them) up|prepar\w*)\b/;

/** « crée un utilisateur », "add a new user", « crée un compte pour le stagiaire »: an account, made… */
const NEW_ACCOUNT =
  /\b(cree\w*|creer|create\w*|ajout\w*|add|adds|ouvr\w*|open|set up)\b.*\b(utilisat(eur|rice)s?|users?|comptes?|accounts?|acces|access)\b|\b(nouvel? utilisat(eur|rice)|new users?|new accounts?|nouveau compte|compte utilisateur|user account)\b/;
/** « bloque la connexion de Paul », "delete the user Paul", « désactive le compte de Paul »: an account, closed… */
const CLOSED_ACCOUNT =
  /\b(bloque\w*|bloquer|desactiv\w*|suspend\w*|block\w*|disable\w*|deactivat\w*|supprim\w*|delete\w*|efface\w*|lock (\S+ ){1,3}out|lock out)\b.*\b(compte|utilisat(eur|rice)|connexion|account|user|sign-?in|signing|login|log in)\b/;
/** Someone leaving, and what becomes of their account (« X quitte la société : que faire de son compte ? », "X leaves on Friday, what about her account?"). */
const DEPARTURE =
  /\b(quitte\w*|part|partira|s'en va|depart|leaves?|leaving|left)\b.*\b(son compte|leur compte|ses acces|his account|her account|their account|the account)\b|\b(son compte|his account|her account)\b.*\b(quitte\w*|part|partira|depart|leaves?|leaving|left)\b|\b(left|has left|quit|fired|let go|licencie\w*|viree?|renvoyee?|est partie?|a quitte)\b.*\b(stop|block|lock|cut off|coupe\w*|bloque\w*|empech\w*|revok\w*|disable|desactiv\w*|getting into|get into|acces|access)\b/;
/** Someone stuck (« bloqué sur l'écran de connexion », "I'm blocked from signing in"): a state to mend, no account to close. */
const STUCK =
  /\b(bloquees?|bloques|blocked|locked|verrouillee?s?)\b|\b(suis|est|es|sont|reste|restes|am|is|are|got|get) bloque\b|\bbloque (sur|a|au|aux|devant|depuis|dehors|hors)\b/;
/** …that is no administrator's (admin.create makes those), no mailbox on a phone (mail.setup), no group's member, no licence, not one's own. */
const NOT_AN_ACCOUNT =
  /\b(admin\w*|role\w*|droits|rights|mail\w*|messagerie|outlook|iphone|android|telephone|phone|tablette?|ordinateur|mac|groupe|group|equipe|team|licen[cs]\w*|je|j|mon|ma|mes|my|i|me)\b/;

/**
 * The article a request about an ordinary user's account asks for — making one (« crée un utilisateur
 * Marc Dubois ») or blocking or deleting one (« bloque la connexion de Paul ») —, which the bot
 * explains: it makes administrators only.
 */
export function accountArticle(text: string): 'account.create' | 'account.offboard' | undefined {
  const folded = fold(text);
  // « une nouvelle recrue arrive lundi : que faire ? »: an account to make (a licence named makes it a licence request).
  if (ARRIVAL.test(folded) && !/\b(licen[cs]\w*|abonnement\w*|subscription\w*|seats?|e[135]|business|admin\w*)\b/.test(folded)) return 'account.create';
  // « Julien quitte la société vendredi, que faire de son compte ? »: someone else's departure.
  if (
    DEPARTURE.test(folded) &&
    !/\b(mon compte|my account|je pars|je quitte|i'm leaving|i am leaving|vacances|conges?|holidays?|vacation|week-?end|maternite|maternity|maladie|sick)\b/.test(
      folded,
    )
  )
    return 'account.offboard';
  const stuck = /bloqué/i.test(text) || STUCK.test(folded);
  const article = CLOSED_ACCOUNT.test(folded) && !stuck ? 'account.offboard' : NEW_ACCOUNT.test(folded) ? 'account.create' : undefined;
  // The entities are read last: every message comes through here, few are about an account.
  if (!article || NOT_AN_ACCOUNT.test(folded) || extractEntities(text).some((e) => e.type === 'role')) return undefined;
  return article;
}

/** « qui a une licence E5 ? », "which users are on Business Standard?": who holds a plan named (not how many are left). */
export function holdersAsked(text: string): boolean {
  const folded = fold(text);
  return (
    HOLDERS_QUESTION.test(folded) &&
    !/\b(libres?|disponibles?|reste\w*|left|free|available|spare|unused|combien|how many)\b/.test(folded) &&
    // The entities are read last: every message comes through here, few are about who holds a plan.
    extractEntities(text).some((e) => e.type === 'sku')
  );
}

const HOLDERS_QUESTION =
  /\b(qui (a|ont|possede\w*|dispose\w*|detien\w*|beneficie\w*|utilise\w*|est sous|sont sous|est (encore |toujours )?(sur|en)|sont (encore |toujours )?(sur|en))|who (has|have|holds?|owns?|got|gets|is on|are on|uses|is using|are using)|who(?:'s| is| are) (?:still )?on|which (users|people|accounts|employees|staff) (have|hold|are on|use|got)|(liste|list)( des| the| of| all)? (utilisateurs|personnes|gens|users|people|comptes|accounts|employees)|(utilisateurs|personnes|users|people|comptes|accounts) (avec|ayant|qui ont|sous|with|on|having|that have|who have))\b/;

/** « qui n'a pas de licence ? », "unlicensed users", « utilisateurs sans licence »: the people who hold none. */
export function unlicensedAsked(text: string): boolean {
  const folded = fold(text);
  return (
    /\b(sans (aucune )?licen[cs]es?|n'?(a|ont) (pas|aucune|toujours pas|pas encore) (de )?licen[cs]es?|without (a |any )?licen[cs]es?|unlicen[cs]ed|no licen[cs]es?|(don't|doesn't|do not|does not|dont|doesnt) have (a |any )?licen[cs]es?)\b/.test(
      folded,
    ) &&
    /\b(qui|who|which|liste|list|quels|quelles|utilisateurs|users|comptes|accounts|personnes|people|employees|staff|combien|how many|montre|show)\b/.test(
      folded,
    )
  );
}

/**
 * « quelles licences a Julie ? », « licences de Hugo Lambert », "what licenses does Sarah have?": the
 * plans someone holds (a question the words of a removal or an assignment resemble, verb aside).
 */
export function personLicencesAsked(text: string): boolean {
  const folded = fold(text).replace(/[\s?!.]+$/, '');
  return (
    (PLANS_OF_SOMEONE.test(folded) ||
      /^(les |la |ses |the )?(licen[cs]es?|abonnements?|plans?|subscriptions?) (de|d'|of) ?\S+( \S+)?(,? (elle est|elles sont|il est|est|sont) ou)?$/.test(
        folded,
      ) ||
      PLANS_SOMEONE_LACKS.test(folded)) &&
    !/\b(besoin|faut|falloir|need|needs|should|buy|acheter|coute|cost|prix|price)\b/.test(folded) &&
    // an order about the plans (give, take back, change: « retire la licence de Paul »), not a question
    !conceptsOf(normalise(text)).some((idea) => ORDERS.includes(idea))
  );
}

const ORDERS = ['give', 'remove', 'change', 'create', 'cancel'];

/** One's own plan missing, as an app says it (« Teams me dit que je n'ai pas de licence », "I don't have a license for Teams"). */
const OWN_LACK =
  /\b((je n'ai|j'ai) (pas|plus|aucune) (de |d')?(licen[cs]es?|abonnements?)|i (don't|do not) have (a |any )?(licen[cs]es?|subscriptions?)|i have no (licen[cs]es?|subscriptions?))\b/;

/** Whether someone says they lack a plan themselves (their plans answer it, with what to do when an app disagrees). */
export function ownLicenceLackSaid(text: string): boolean {
  return OWN_LACK.test(fold(text));
}

/** One's own plans: « quelles sont mes licences ? », « j'ai quelle licence ? », "which plan am I on?". */
const OWN_PLANS = new RegExp(
  `${/\b((quelles? sont|what are|show me|montre-moi|voir|see|list) (mes|my) (licen[cs]es?|abonnements?|plans?|subscriptions?)|(quelles?|quels?) (licen[cs]es?|abonnements?|plans?) (ai-je|j'ai|est-ce que j'ai)|j'ai (quelles?|quels?) (licen[cs]es?|abonnements?|plans?)|(what|which) (licen[cs]es?|plans?|subscriptions?) (do i have|am i on|have i got))\b/.source}|${OWN_LACK.source}`,
);

/** Whether someone asks which plans they hold themselves. */
export function ownLicencesAsked(text: string): boolean {
  return OWN_PLANS.test(fold(text).replace(/[\s?!.]+$/, ''));
}

/** « quelle licence a / possède / utilise … », « … est sur quel plan », "which plan is … on", "…'s licences"; and one's own. */
const PLANS_OF_SOMEONE = new RegExp(
  `${/\b((verifi\w*|check\w*|regarde\w*|est-ce que|si) (\S+ ){1,3}(a|possede) (bien |toujours |encore |deja )?(sa |la |une |un |des |ses )?(licen[cs]es?|abonnements?)|(check|verify|see) (if |whether )(\S+ ){1,3}(has|still has|already has|got) (a |the |his |her |their |an )?(licen[cs]es?|subscriptions?|seats?)|(quelles?|quels?) (licen[cs]es?|abonnements?|plans?) (a|as|ont|possede\w*|utilise\w*|detien\w*)|(a|possede|utilise) (quelles?|quels?) (licen[cs]es?|abonnements?|plans?)|est (sur|sous) (quelles?|quels?) (licen[cs]es?|abonnements?|plans?)|(what|which) (licen[cs]es?|plans?|subscriptions?) (does|do|is|has) \S+( \S+)? (have|hold|use|on|got|using)|\S+'s (licen[cs]es?|plans?|subscriptions?))\b/.source}|${OWN_PLANS.source}`,
);

/** Someone lacking a plan or a product: « n'a pas de licence », « n'a toujours pas Teams », "doesn't have Outlook", "has no license". */
const LACKS =
  "((n'a|n'ont) (pas|plus|toujours pas|pas encore|aucune?) (de |d'|la |sa |l'|le )?|(doesn't|does not|hasn't|has not) (\\S+ ){1,2}(have|got|get) (a |an |any |the |his |her |their )?|has no )(licen[cs]es?|abonnements?|subscriptions?|seats?|teams|outlook|office|word|excel|onedrive|sharepoint|exchange|mailbox|boite mail|messagerie)\\b";

/**
 * « pourquoi Paul n'a pas Teams ? », « Chantal n'a pas de licence, c'est normal ? », "why doesn't Hugo have
 * Outlook?": a question about what someone lacks, which their plans answer (not « … tu peux régler ça ? », an order).
 */
const PLANS_SOMEONE_LACKS = new RegExp(
  [
    `^(pourquoi|comment ca se fait que|how come|why) .*\\b${LACKS}`,
    `\\b${LACKS}.*\\b(c'est normal|normal|est-ce normal|is that normal|is it normal|is this normal)$`,
  ].join('|'),
);

/** « quel est le statut de SharePoint ? », "Exchange health": a service's state, not one's own ticket about it. */
export function serviceStateAsked(text: string): boolean {
  const folded = fold(text);
  return (
    /\b(statut|status|etat|state|health|sante|outage|outages)\b/.test(folded) &&
    !/\b(ticket|tickets|incident|incidents|demande|demandes|request|requests|inc|report|reports|reported|signalement|signale|complaint|reclamation)\b/.test(
      folded,
    ) &&
    extractEntities(text).some((e) => e.type === 'service')
  );
}

/** "Can I see who's an admin?", « montre-moi les admins »: the list of administrators, whatever the classifier guessed (never a grant). */
export function adminListAsked(text: string): boolean {
  const folded = fold(text);
  return (
    /\b(who'?s|who is|who are|qui est|qui sont|list|liste|lister|see|voir|show|montre\w*|affiche\w*)\b/.test(folded) &&
    /\b(admin\w*|administrat\w*)\b/.test(folded) &&
    !/\b(make|nomm\w*|promo\w*|give|donn\w*|ajout\w*|add|cree\w*|creer|create|grant\w*|accord\w*|retir\w*|remove\w*|revok\w*|enlev\w*|devien\w*|become|should|must|doit|devrait|needs?|besoin|plus)\b/.test(
      folded,
    )
  );
}

/** « Paul a besoin d'Outlook », "Hugo needs a mailbox": someone else needs a product, which a licence gives (not one's own trouble with it). */
export function productNeedAsked(text: string): boolean {
  const folded = fold(text);
  return (
    /\b(a besoin d'?|a besoin de|aura besoin d'?|aura besoin de|needs|will need|doit avoir|should get|should have|must have)\s*(une? |an? |d'|de |des )?(outlook|teams|office|word|excel|powerpoint|onedrive|sharepoint|boite mail|boite aux lettres|adresse mail|mailbox|email address|email account|compte mail|messagerie)\b/.test(
      folded,
    ) && !/\b(je|j|i|me|moi|my|mon|ma|on|we|nous)\b/.test(folded)
  );
}

/** Multifactor authentication, by the names people give it (« double authentification », "2FA", « l'appli Authenticator »). */
const SECURITY_INFO =
  /\b(mfa|2fa|a2f|multi-?facteurs?|multi-?factor|two-?factor|deux facteurs|double authentification|double facteur|authenticator|informations de securite|infos de securite|security info|methodes? de connexion|sign-?in methods?|codes? de (verification|connexion)|verification codes?|plus d'informations (sont )?requises|more information (is )?required|(valider|confirmer|verifier|verify|confirm) (mon |my )?(numero|number|telephone|phone)( de telephone| number)? (pour|for) (la |the )?(securite|security))\b/;

/**
 * One's own sign-in methods (« comment configurer la double authentification ? », "I got a new phone,
 * how do I move my Authenticator?"): the article on the Security info page. Not someone else's
 * (« réinitialise la MFA de Paul » names a person: no article for that).
 */
export function securityInfoAsked(text: string): boolean {
  const folded = fold(text);
  return (
    (SECURITY_INFO.test(folded) || (NEW_PHONE.test(folded) && SIGNING_IN.test(folded))) &&
    !/(?<![\p{L}\p{N}])(de|du|pour|for|of|a|à)\s+\p{Lu}|\p{Lu}\p{Ll}+'s\b/u.test(text)
  );
}

/** A phone changed or lost (« j'ai un nouveau téléphone », "I changed phones")… */
const NEW_PHONE =
  /\b((nouveau|nouvel|new|autre|another) (telephone|phone|portable|mobile|smartphone|iphone)|(change|changed|changing) (de |my |of )?(telephone|phones?|portable|mobile)|(perdu|lost|casse|broke|broken) (mon |my )?(telephone|phone|portable|mobile))\b/;
/** …when signing in is the trouble, not the mail on it (« je n'arrive plus à valider la connexion »). */
const SIGNING_IN = /\b(connexion|connecter|connecte|sign|signing|log|login|valider|approve|approuver|codes?|notifications?|authenti\w*|verif\w*)\b/;

const REMOVAL_VERB =
  /\b(retir\w*|enlev\w*|supprim\w*|revoqu\w*|ote\w*|oter|destitu\w*|remove\w*|revoke\w*|take|strip\w*|withdraw\w*|demote\w*|unassign\w*|drop|give up|renonc\w*|relinquish\w*|step down|abandonn\w*)\b/;
const ROLE_WORD = /\b(roles?|droits|admins?|administrat\w*|privileges?|rights)\b/;

/**
 * « retire le rôle administrateur Exchange à Sophie », « ôte », "revoke …", "strip … of", « enlève
 * les droits admin de Thomas » (no role named: his roles are offered), « Sophie n'est plus admin »,
 * « Nadia n'a plus besoin d'être admin des utilisateurs »: a role taken away, never read as a grant
 * whatever the classifier guessed; not a licence taken from an administrator.
 */
export function roleRevokeAsked(text: string): boolean {
  const folded = fold(text);
  if (/\b(licen[cs]\w*|lic|abonnements?|subscriptions?|seats?|sieges?|plans?|e[135]|business)\b/.test(folded)) return false;
  return (
    // a verb of removal and a role (the entities read last: every message comes through here)
    (REMOVAL_VERB.test(folded) && (ROLE_WORD.test(folded) || extractEntities(text).some((e) => e.type === 'role'))) ||
    // « Thomas ne doit plus pouvoir gérer Teams », « Sophie n'est plus admin », "Sophie is no longer an admin",
    // « Nadia n'a plus besoin d'être admin des utilisateurs », "Nadia doesn't need the Exchange admin role anymore"
    capabilityGrant(text)?.revoke === true ||
    /\b(n ?'?est plus|is no longer|n ?'?a plus besoin|n ?'?a plus l'?utilite|no longer needs?|(doesn'?t|does not|don'?t|do not) need\b.*\b(anymore|any more))\b.*\b(admin\w*|administrat\w*|roles?|droits|rights)\b|\b(admin\w*|administrat\w*|roles?|droits|rights)\b.*\b(anymore|any more|no longer)\b/.test(
      folded,
    )
  );
}

/**
 * One's own incident withdrawn, closed or commented on (« je veux annuler mon ticket », « ajouter un
 * commentaire à mon incident », "my ticket can be closed"): its card does that, so the incident is
 * shown (never « nothing to cancel »). « annule ma demande » stays a cancel: a request may be anything.
 */
const OWN_INCIDENT_ACTED_ON =
  /\b((annul\w*|ferm\w*|clore|clos|cloturer|close|cancel\w*|withdraw\w*|retir\w*|supprim\w*|delete|comment\w*|(ajout\w*|rajout\w*) (un |une |des )?(commentaire|precision|info\w*|note|detail)s?|add (a |some )?(comment|note|details?|info\w*)|complet\w*|update) .*\b(mon|ma|mes|my|ce|cet|the|le|l'|this) ?(ticket|incident|signalement|report)s?|(mon|my|le|the) (ticket|incident|signalement|report) (peut|can) (etre|be) (ferme|clos|closed|annule|cancelled))\b/;

/** The operation a message asks for by name, if any. */
export function operationNamedIn(text: string): Operation | undefined {
  const folded = fold(text);
  const named = NAMED.find(([, words]) => words.test(folded))?.[0];
  if (named) return named;
  if (OWN_INCIDENT_ACTED_ON.test(folded)) return 'incident.status';
  if (holdersAsked(text) || unlicensedAsked(text) || personLicencesAsked(text)) return 'license.list';
  if (securityInfoAsked(text)) return 'password.change';
  if (serviceStateAsked(text)) return 'service.health';
  if (adminListAsked(text) || roleRevokeAsked(text)) return 'admin.roles';
  if (productNeedAsked(text)) return 'license.assign';
  // « Lina doit pouvoir gérer les licences »: a role for Lina, whatever the words say of licences;
  // « qui peut gérer les licences ? »: the holders of the roles that can.
  if (roleForCapability(text) || capabilityAsked(text)) return 'admin.roles';
  // « crée un utilisateur Marc Dubois », « bloque la connexion de Paul »: explained under admin.create, whatever the classifier guessed.
  return accountArticle(text) ? 'admin.create' : undefined;
}

/** The page of a report asked for (« détail du rapport page 3 », "full report, page 2"): 1 unless one is named. */
export function reportPageAsked(text: string): number {
  const page = /\bpage\s*(\d{1,4})\b/.exec(fold(text));
  return page ? Math.max(1, Number(page[1])) : 1;
}

/** Words of a question about who did something, which name nobody: « qui a retiré… », "who reset…". */
export const AUDIT_QUESTION_WORDS = new RegExp(`^(qui|who|has|${AUDIT_VERBS})$`);

/** The operation an audit request narrows to, from its words. */
export function auditedOperation(text: string): string | undefined {
  const t = fold(text);
  if (/\b(attribu\w*|affect\w*|assign\w*)/.test(t)) return 'license.assign';
  if (/\b(retir\w*|supprim\w*|remov\w*)/.test(t)) return 'license.remove';
  if (/\b(chang\w*|upgrad\w*|downgrad\w*|swap\w*)/.test(t) && /\blicen[cs]e/.test(t)) return 'license.change';
  if (/\b(mot de passe|mdp|password)\b/.test(t) && /\b(reinitialis\w*|reset\w*)/.test(t)) return 'password.reset';
  return undefined;
}
