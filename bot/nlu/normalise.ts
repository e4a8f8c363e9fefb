import { fold, INCIDENT_MENTION, markPlans } from './entities';

/** « licence » as it is mistyped (lisence, liscence, licnese…), for a regular expression. */
export const LICENCE_MISSPELLINGS =
  'lisences?|lisenses?|liscen[cs]es?|licsen[cs]es?|licens|licenes|licnese|licnece|lincen[cs]es?|lican[cs]es?|liecn[cs]es?|lience|licese|licenc|licesne';

/** The request words people mistype most (letters swapped, doubled or missing), each with the word meant. */
const MISSPELLINGS: [string, string][] = [
  ['asign|assing|assgin|asigns|assgn', 'assign'],
  ['remvoe|remoev|rmeove|romove|remvove|remov', 'remove'],
  ['resset|rset|reest|rseet', 'reset'],
  ['pasword|passwrod|pssword|passowrd|passord|paswrd', 'password'],
  ['chnage|cahnge|chagne|chaneg', 'change'],
  ['canel|cancle|cancell|cacnel', 'cancel'],
  ['upgarde|upgrdae|updgrade', 'upgrade'],
  ['atribue\\w*|attibue\\w*|attribeu\\w*', 'attribue'],
  ['suprim\\w*|supprm\\w*|surpprim\\w*', 'supprime'],
  ['reintiali\\w*|renitiali\\w*|reinitial\\w*|reinisiali\\w*', 'reinitialiser'],
];

/**
 * The domain's short forms and spellings, each with the words it stands for (written from how
 * administrators and users write, in French and English; matched as whole words, after folding).
 */
const SHORT_FORMS: [RegExp, string][] = [
  ...MISSPELLINGS.map(([typos, word]): [RegExp, string] => [new RegExp(`\\b(${typos})\\b`, 'g'), word]),
  // passwords
  [/\b(mdps?|mot2passe|mots? de pas{1,3}e?s?|motdepasse)\b/g, 'mot de passe'],
  [/\b(pwd|passwd|pswd|pw)\b/g, 'password'],
  [/\b(rst|reinit|re-init|reinitialis\w*|reinitializ\w*)\b/g, 'reinitialiser'],
  // products and the tenant
  [/\b(o365|m365|off365|office365|microsoft365)\b/g, 'office 365'],
  [/\bms\b/g, 'microsoft'],
  [new RegExp(`\\b(licences?|licenses?|licenced|licensed|lic|${LICENCE_MISSPELLINGS})\\b`, 'g'), 'licence'],
  [/\b(std|stand)\b/g, 'standard'],
  [/\b(biz|bus)\b/g, 'business'],
  [/\b(prem)\b/g, 'premium'],
  [/\b(mfa|2fa|a2f|double authentification|authentification a deux facteurs|two factor|two-factor)\b/g, 'authentification multifacteur'],
  // people and roles
  [/\b(administrateurs?|administratrices?|administrators?|admins)\b/g, 'admin'],
  [/\bga\b/g, 'admin global'],
  [/\b(presta)\b/g, 'prestataire'],
  [/\b(collab|collegue)\b/g, 'collegue'],
  // words shortened in chat and on phones
  [/\b(pb|pbm|prob|pblm)\b/g, 'probleme'],
  [/\b(dispos?)\b/g, 'disponible'],
  [/\b(cb|cmb|cbien)\b/g, 'combien'],
  [/\b(qqn|qqun)\b/g, "quelqu'un"],
  [/\b(qqch|qqc)\b/g, 'quelque chose'],
  [/\b(bcp)\b/g, 'beaucoup'],
  [/\b(tel|tél)\b/g, 'telephone'],
  [/\b(ordi|pc)\b/g, 'ordinateur'],
  [/\b(info|infos)\b/g, 'information'],
  [/\b(mail|mails|email|emails|e-mail|e-mails|courriel|courriels|mel)\b/g, 'mail'],
  [/\b(verif)\b/g, 'verification'],
  [/\b(svp|stp|sil vous plait|s'il vous plait|s'il te plait|stp\.|pls|plz|please)\b/g, 'svp'],
  [/\b(nvm|nevermind)\b/g, 'never mind'],
  [/\b(u)\b/g, 'you'],
  [/\b(ur)\b/g, 'your'],
  [/\b(pk|pq|pourquoi)\b/g, 'pourquoi'],
  [/\b(jsp)\b/g, 'je ne sais pas'],
  [/\b(cest)\b/g, "c'est"],
  [/\b(jai)\b/g, "j'ai"],
  // French as texted (« chuis bloqué », « ya un pb », « pr lundi », « tjrs rien »)
  [/\b(jsuis|chuis|jsui)\b/g, 'je suis'],
  [/\b(jpeux|jpx)\b/g, 'je peux'],
  [/\b(jveux)\b/g, 'je veux'],
  [/\b(jsais)\b/g, 'je sais'],
  [/\b(ya)\b/g, 'il y a'],
  [/\b(pr)\b/g, 'pour'],
  [/\b(ds)\b/g, 'dans'],
  [/\b(tt)\b/g, 'tout'],
  [/\b(tjrs|tjs)\b/g, 'toujours'],
  [/\b(pcq|pck|psk)\b/g, 'parce que'],
  [/\b(koi)\b/g, 'quoi'],
  [/\b(ke)\b/g, 'que'],
  [/\b(kan|qd)\b/g, 'quand'],
  [/\b(mrc|mci)\b/g, 'merci'],
  [/\b(slt)\b/g, 'salut'],
  [/\b(bjr)\b/g, 'bonjour'],
  [/\b(auj|ajd)\b/g, "aujourd'hui"],
  [/\b(mtn|mnt)\b/g, 'maintenant'],
  [/\b(dsl)\b/g, 'desole'],
  [/\b(msg|msgs)\b/g, 'message'],
  [/\b(appli|applis)\b/g, 'application'],
  // an article or a pronoun glued to its word (« limprimante », « dadmin », « quil »)
  [
    /\b([ld])(admin\w*|acces|ordi\w*|imprimante|applications?|equipe|utilisat\w*|abonnement\w*|adresse\w*|authentific\w*|ecran|erreur|incident\w*|aide)\b/g,
    "$1'$2",
  ],
  [/\b(qu)(il|ils|elle|elles|on)\b/g, "$1'$2"],
  [/\b(n)(est|a|ai|ont)\b/g, "$1'$2"],
  // English as texted ("idk", "wanna", "gimme", "ppl")
  [/\b(idk)\b/g, "i don't know"],
  [/\b(wanna)\b/g, 'want to'],
  [/\b(gonna)\b/g, 'going to'],
  [/\b(gimme)\b/g, 'give me'],
  [/\b(lemme)\b/g, 'let me'],
  [/\b(ppl)\b/g, 'people'],
  [/\b(acct|acc)\b/g, 'account'],
  [/\b(abt)\b/g, 'about'],
  [/\b(bc|cuz|coz)\b/g, 'because'],
  [/\b(tmrw|tmr)\b/g, 'tomorrow'],
  [/\b(r)\b/g, 'are'],
  [/\b(usr|usrs)\b/g, 'user'],
  [/\b(jarrive)\b/g, "j'arrive"],
  [/\b(narrive)\b/g, "n'arrive"],
  [/\b(dont|don't|doesnt|doesn't|cant|can't|cannot|won't|wont|isnt|isn't)\b/g, 'not'],
];

const SHORT_FORM_WORD = new RegExp(`^(?:${SHORT_FORMS.map(([form]) => form.source).join('|')})$`);

/**
 * Whether a folded word is a short form the normalisation writes out, a request word mistyped among
 * them (« mdp », « chuis », "pwd", « limprimante », « remvoe », « lisence »): no one's name.
 */
export function isShortForm(word: string): boolean {
  return SHORT_FORM_WORD.test(word);
}

/**
 * Words of the domain that mean the same thing, written as one (after the short forms): a word
 * the phrases never used still lands on one they did. Written from the domain's vocabulary in
 * French (France, Belgium, Québec) and English (US, UK).
 */
const SYNONYMS: [RegExp, string][] = [
  // a licence
  [/\b(abonnements?|souscriptions?|subscriptions?|seats?|sieges?)\b/g, 'licence'],
  // a password and signing in
  [/\b(identifiants?|credentials?|codes? d'acces|code secret|passcode)\b/g, 'mot de passe'],
  [/\b(log ?in|log ?on|logon|sign ?on|se loguer|se logger)\b/g, 'se connecter'],
  // the helpdesk
  [
    /\b(soutien technique|assistance technique|hotline|help ?desk|service informatique|service it|la dsi|it support|tech support|it helpdesk|it desk|the it department|it department|the it team|it team|(?<=(?:someone|somebody|anyone) from )it|(?<=quelqu'un de l')informatique)\b/g,
    'support',
  ],
  // a phone
  [/\b(cellulaire|portable|smartphone|mobile|cell ?phone)\b/g, 'telephone'],
  // rights
  [/\b(privileges?|permissions?|droits d'acces|access rights)\b/g, 'droits'],
  // not working
  [/\b(plante|plantage|crash\w*|freez\w*|se fige|bugu?e|bug|glitch\w*|acting up|falls? over|falling over|rame|lag\w*)\b/g, 'plante'],
  [/\b(en rade|hs|down|out of order|en carafe)\b/g, 'en panne'],
  // « mot de passe » is one thing: one word, so that « passe » (« passe Julie en E5 ») is not taken for it
  [/\bmots? de passe\b/g, 'motdepasse'],
];

/**
 * The apostrophes a phone leaves out, typed as a space (« j ai », « l imprimante », « qu il »,
 * « aujourd hui », "don t"): put back, so that the words are the ones written with them.
 */
function restoreApostrophes(folded: string): string {
  return folded
    .replace(/\b(j|l|d|m|n|s|c|qu|jusqu|lorsqu|puisqu|quelqu|aujourd) (?=[aeiouyh])/g, "$1'")
    .replace(/\b(don|can|won|isn|doesn|didn|aren|wasn|haven|hasn|couldn|shouldn|wouldn) t\b/g, "$1't");
}

/**
 * The text the intent classifiers see: folded (lower case, no accents), each incident number made
 * one word (« ticket »), the domain's short forms written out (« mdp » → « mot de passe », "pwd" →
 * "password", « o365 » → « office 365 »), each licence plan introduced by « licence », punctuation made space.
 */
export function normalise(text: string): string {
  let t = restoreApostrophes(fold(text)).replace(INCIDENT_MENTION, ' ticket ');
  for (const [form, words] of SHORT_FORMS) t = t.replace(form, words);
  for (const [synonym, word] of SYNONYMS) t = t.replace(synonym, word);
  return markPlans(t)
    .replace(/[^\p{L}\p{N}'@.-]+/gu, ' ')
    .replace(/(^|\s)['.-]+|['.-]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
