/**
 * The ideas a request is made of, in either language: "pull her seat" and « récupère sa licence »
 * share « remove » and « licence » though they share no word. The linear model reads them beside
 * the words (bot/nlu/linearClassifier.ts), so that a verb or a noun the corpus never used, in a
 * voice it never heard, still counts for what it means. Written from the domain's vocabulary
 * (French of France, Belgium and Québec; US and UK English), matched on the normalised text
 * (bot/nlu/normalise.ts: folded, short forms written out, « mot de passe » one word).
 */
const CONCEPTS: [string, RegExp][] = [
  ['licence', /\b(licence\w*|plan|plans|produit|product|office 365|e[135]|business (basic|standard|premium))\b/],
  [
    'give',
    /\b(attribu\w*|affect\w*|donn\w*|assign\w*|give(?! me a (call|ring|shout)| up)|gives|gave|giving|allocat\w*|alloue\w*|octroi\w*|accord\w*|grant\w*|met|mets|mettre|put|ajout\w*|add|adds|(?<!(l'|une |mon |ton |son |notre |votre |leur |cette |toute l'|the ))equip\w*|provision\w*|hand out|sort out|enable|activ\w*|set aside|prevoi\w*|mettre de cote|redonn\w*|reattribu\w*|rattribu\w*|reassign\w*|give back)\b/,
  ],
  [
    'remove',
    /\b(retir\w*|retrait|enlev\w*|supprim\w*|desaffect\w*|desattribu\w*|liber\w*|recuper\w*|repren\w*|ote|oter|remove\w*|revok\w*|unassign(?!ed)\w*|unlicen\w*|take away|take back|take off|strip\w*|pull|reclaim\w*|releas\w*|drop\w*|free up|withdraw\w*|give up|renonc\w*|relinquish\w*|deactivat\w*|desactiv\w*|plus besoin|no longer needs?|not necessary|plus necessaire|plus utile|quit|free (the|his|her|their) licence|not needs? (?:\S+ ){1,3}(?:anymore|any more)|get (?:\S+ ){1,3}back|leaving|parti|quitte|vire|virer|virez|sucre\w*)\b/,
  ],
  [
    'change',
    /\b((?<!ne )passe(?! (plus|pas)\b)|passer|chang\w*|upgrad\w*|downgrad\w*|migr\w*|bascul\w*|switch\w*|swap\w*|monte\w*|monter|retrograd\w*|remplac(?!ant)\w*|replac(?!ement)\w*|convert\w*|bump\w*|move|moves|moving|descend\w*|superieure?|bigger|higher|lower|instead of|a la place d\S*|au lieu d\S*|pass)\b/,
  ],
  ['create', /\b(cre\w*|appoint\w*|nouvel\w*|nouveau|new|nomm\w*|promo\w*|devien\w*|devenir|become|make|turn \w+ into|rendre|design\w*|set up)\b/],
  ['admin', /\b(admin\w*|roles?|droits|rights|global reader|lecteur global|gerer|manage)\b/],
  [
    'inventory',
    /\b(combien|how many|how much|assez|enough|suffisamment|sufficient|unassigned|non (attribuee?s?|affectee?s?|utilisee?s?)|bought|purchased|achetee?s?|on paie|we pay|nombre|count|rest\w*|left|remaining|disponible\w*|available|free|libres?|spare|unused|inventaire|inventory|recap\w*|overview|tableau|situation|consommation|usage|in use|utilisee?s?)\b/,
  ],
  [
    'password',
    /\b(motdepasse|password\w*|passcode|code (secret|d'acces|de session|de connexion)|(oubli\w*|perdu|forgot|lost|remember|souviens) (\S+ ){0,2}code)\b/,
  ],
  [
    'reset',
    /\b(reinitialis\w*|reset\w*|remet\w* a zero|nouveau motdepasse|new password|motdepasse (provisoire|temporaire)|temp(orary)? password|debloqu\w*|unlock\w*|regenere\w*|regenerat\w*)\b/,
  ],
  [
    'forgot',
    /\b(oubli\w*|forgot\w*|perdu|lost|bloque\w*|locked|lock out|verrouill\w*|expir\w*|echu|remember|souviens|too many (times|attempts|tries)|trop de (fois|tentatives|essais)|rentrer|get into|log in|se connecter|connecter)\b/,
  ],
  [
    'broken',
    /\b(panne|en panne|plante|marche pas|fonctionne pas|fonctionne plus|marche plus|not working|broken|error|erreur|souci|soucis|probleme\w*|problem\w*|issue|issues|lent\w*|slow|impossible|bloque|stuck|stopped working|a cesse de fonctionner|dysfonctionn\w*|malfunction\w*|rien ne|nothing works|wrong|redemande\w*|keeps? asking|sans arret|en boucle|loops?|coupent|se coupe\w*|ne passe (plus|pas)|passe (plus|pas)|cutting out|keeps? dropping|drops? out|phishing|hameconnage|suspicious|suspect\w*|pirate\w*|piratage|hacked|virus|malware|ransomware|compromis\w*|compromised|saturee?s?|pleine?s?|is full|full up|plus de place|out of space|quota|not (\S+ )?(updat|sync|load|open|send|receiv|start|turn on|boot|connect|display|print|respond)\w*|(ne|n') ?(se |s')?(\S+ )?(charg|synchronis|met|ouvr|envoi|recoi|demarr|lanc|affich|connect|imprim|repond|allum)\w* (\S+ )?(pas|plus))\b/,
  ],
  ['ticket', /\b(ticket\w*|incidents?|demande|request|case|signal\w*|report\w*|declar\w*|flag|raise|log)\b/],
  [
    'followUp',
    /\b(ou en est|en est ou|ou (ca|on) en est|ca en est ou|any word|du nouveau|nouvelles?|news|update|suivi|avancement|avance\w*|progress|relanc\w*|chas\w*|handl\w*|trait\w*|pris en charge|picked up|resolu\w*|resolved|regle\w*|fixed|sorted|ferme\w*|closed|going|happening)\b/,
  ],
  [
    'local',
    /\b(just me|only me|que moi|chez moi|chez nous|for us|for me|pour moi|pour nous|on my (side|end|machine|computer|laptop)|de mon cote|sur mon (poste|ordinateur))\b/,
  ],
  ['everyone', /\b(tout le monde|everyone|everybody|general\w*|en ce moment|right now|today|aujourd'hui|chez microsoft)\b/],
  ['support', /\b(support|assistance|technicien\w*|technician|humain|human|microsoft|vendor|fournisseur|editeur|supplier)\b/],
  [
    'contact',
    /\b(contact\w*|joindre|reach|appel\w*|call|phone|telephone|numero|number|parler|speak|talk|escalad\w*|escalat\w*|coordonnees|details|avoir \S+ en ligne|au bout du fil|get hold of|get in touch|rappel\w*|ring|call me back|call back|give me a call|coup de fil|get back to me|recontact\w*)\b/,
  ],
  [
    'capability',
    /\b(sais faire|sais-tu|can you do|capable|commandes|commands|skills?|competences?|sers|bot|assistant|what do you|tu fais quoi|qui es-tu|t'es qui|who are you|what are you|commencer|start)\b/,
  ],
  [
    'cancel',
    /\b(annul\w*|cancel\w*|stop|stoppe|stopper|changed my mind|change d'avis|laisse\w*|leave it|never mind|tant pis|pas la peine|no need|scratch|^oublie|oublie ca|forget it|forget about|renonce|give up|abandon\w*|finalement non|en fait non|actually no|abort\w*|pas maintenant|not now|after all|plus la peine|no longer needed|don't bother|ne te derange pas|drop it)\b/,
  ],
  [
    'question',
    /^(combien|quel\w*|qui|ou|comment|est-ce|est ce|pourquoi|how|what\w*|which|who|where|when|why|is|are|do|does|did|have|has|y a|il y a|a-t-il|avons-nous|as-tu|avez-vous)\b/,
  ],
  ['lack', /\b(n'a pas|n'ont pas|not have|toujours pas|still not|pas encore|not yet|manque\w*|missing|lacks?|sans)\b/],
  ['greeting', /\b(bonjour|bonsoir|salut|coucou|hello|hi|hey|good (morning|afternoon|evening)|hiya|howdy)\b/],
  ['domain', /\b(domaines?|domains?|dns|mx|txt|spf|dkim|dmarc|cname|autodiscover|registrar|enregistrements?|records?|[a-z0-9-]+\.[a-z]{2,})\b|(^|\s)@\S+/],
  [
    'mailSetup',
    /\b(configur\w*|parametr\w*|setup|install\w*|imap|smtp|pop|port|serveur|server|iphone|android|tablette?|thunderbird|ajouter mon compte|add my)\b/,
  ],
  [
    'service',
    /\b(teams|sharepoint|onedrive|outlook|exchange|word|excel|powerpoint|onenote|planner|forms|intune|entra|yammer|viva|services?|cloud|calendars?|calendriers?|agendas?|visio)\b/,
  ],
  ['helpAsked', /\b(aide\w*|aider|help\w*|assist\w*|guide\w*|depann\w*|sos)\b/],
  ['state', /\b(statut|status|etat|state|health|sante|diagnostic\w*|dashboard|en ligne|online|outage\w*|degrad\w*|maintenances?)\b/],
  ['mail', /\b(mail|messagerie|outlook|boite|mailbox|inbox|exchange)\b/],
];

/** The concepts a normalised text speaks of, each once. */
export function conceptsOf(normalised: string): string[] {
  return CONCEPTS.filter(([, pattern]) => pattern.test(normalised)).map(([concept]) => concept);
}
