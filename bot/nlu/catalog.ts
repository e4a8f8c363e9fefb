/**
 * The names people give to licence plans, directory roles and Microsoft 365 services, in French
 * and English, mapped to Graph's identifiers. Aliases are written lower case without accents
 * (how text is compared); the longest alias found wins.
 */

/** skuPartNumber → what people call it. « E3 » alone is ambiguous: it names two plans. */
export const SKU_ALIASES: [string, string[]][] = [
  ['microsoft 365 business basic', ['O365_BUSINESS_ESSENTIALS']],
  ['m365 business basic', ['O365_BUSINESS_ESSENTIALS']],
  ['business basic', ['O365_BUSINESS_ESSENTIALS']],
  ['business essentials', ['O365_BUSINESS_ESSENTIALS']],
  ['office 365 business essentials', ['O365_BUSINESS_ESSENTIALS']],
  ['o365 business essentials', ['O365_BUSINESS_ESSENTIALS']],
  ['bus basic', ['O365_BUSINESS_ESSENTIALS']],
  ['basic', ['O365_BUSINESS_ESSENTIALS']],
  ['microsoft 365 business standard', ['O365_BUSINESS_PREMIUM']],
  ['m365 business standard', ['O365_BUSINESS_PREMIUM']],
  ['business standard', ['O365_BUSINESS_PREMIUM']],
  ['business std', ['O365_BUSINESS_PREMIUM']],
  ['bus std', ['O365_BUSINESS_PREMIUM']],
  ['biz standard', ['O365_BUSINESS_PREMIUM']],
  // Business Standard's name until 2020
  ['office 365 business premium', ['O365_BUSINESS_PREMIUM']],
  ['o365 business premium', ['O365_BUSINESS_PREMIUM']],
  ['standard', ['O365_BUSINESS_PREMIUM']],
  ['microsoft 365 business premium', ['SPB']],
  ['m365 business premium', ['SPB']],
  ['business premium', ['SPB']],
  ['bus premium', ['SPB']],
  ['biz premium', ['SPB']],
  ['m365 bp', ['SPB']],
  ['premium', ['SPB']],
  ['office 365 e1', ['STANDARDPACK']],
  ['o365 e1', ['STANDARDPACK']],
  ['e1', ['STANDARDPACK']],
  ['office 365 e3', ['ENTERPRISEPACK']],
  ['o365 e3', ['ENTERPRISEPACK']],
  ['office 365 e5', ['ENTERPRISEPREMIUM']],
  ['o365 e5', ['ENTERPRISEPREMIUM']],
  ['microsoft 365 e3', ['SPE_E3']],
  ['m365 e3', ['SPE_E3']],
  ['microsoft 365 e5', ['SPE_E5']],
  ['m365 e5', ['SPE_E5']],
  ['e3', ['ENTERPRISEPACK', 'SPE_E3']],
  ['e5', ['ENTERPRISEPREMIUM', 'SPE_E5']],
  ['microsoft 365 f3', ['SPE_F1']],
  ['m365 f3', ['SPE_F1']],
  ['f3', ['SPE_F1']],
  ['exchange online plan 1', ['EXCHANGESTANDARD']],
  ['exchange online p1', ['EXCHANGESTANDARD']],
  ['exchange plan 1', ['EXCHANGESTANDARD']],
  ['exchange p1', ['EXCHANGESTANDARD']],
  ['p1', ['EXCHANGESTANDARD']],
  ['exchange online plan 2', ['EXCHANGEENTERPRISE']],
  ['exchange online p2', ['EXCHANGEENTERPRISE']],
  ['exchange plan 2', ['EXCHANGEENTERPRISE']],
  ['exchange p2', ['EXCHANGEENTERPRISE']],
  ['p2', ['EXCHANGEENTERPRISE']],
  // « une licence Exchange (Online) »: the Exchange Online plans, not the service (a licence for it is one of
  // them). Shorter than « exchange online plan 1 », which wins where both are written.
  ...['licence', 'licences', 'license', 'licenses'].flatMap((word): [string, string[]][] => [
    [`${word} exchange`, ['EXCHANGESTANDARD', 'EXCHANGEENTERPRISE']],
    [`exchange online ${word}`, ['EXCHANGESTANDARD', 'EXCHANGEENTERPRISE']],
    [`exchange ${word}`, ['EXCHANGESTANDARD', 'EXCHANGEENTERPRISE']],
  ]),
];

/** Directory role (its English display name in Entra) → French and English ways of saying it. */
export const ROLE_ALIASES: [string, string[]][] = [
  [
    'Global Administrator',
    [
      'administrateur global',
      'administratrice globale',
      'admin global',
      'admin globale',
      'administrateur general',
      'global administrator',
      'global admin',
      'admin general',
      'super admin',
      'ga',
    ],
  ],
  [
    'User Administrator',
    [
      'administrateur des utilisateurs',
      'administrateur utilisateurs',
      "administrateur d'utilisateurs",
      'admin utilisateurs',
      'admin des utilisateurs',
      'admin utilisateur',
      'user administrator',
      'user admin',
      'users admin',
      'user management admin',
    ],
  ],
  [
    'License Administrator',
    [
      'administrateur des licences',
      'administratrice des licences',
      'administrateur de licences',
      'admin licences',
      'admin des licences',
      'admin de licences',
      'admin licence',
      'licensing admin',
      'license administrator',
      'licence administrator',
      'license admin',
      'licence admin',
    ],
  ],
  [
    'Helpdesk Administrator',
    [
      'support technique',
      'administrateur du support technique',
      'administrateur helpdesk',
      'admin helpdesk',
      'admin du support',
      'admin support',
      'helpdesk administrator',
      'helpdesk admin',
      'help desk admin',
      'support admin',
      'helpdesk',
    ],
  ],
  [
    'Password Administrator',
    [
      'administrateur des mots de passe',
      'administrateur de mots de passe',
      'admin des mots de passe',
      'admin mots de passe',
      'admin mdp',
      'password administrator',
      'password admin',
      'pwd admin',
    ],
  ],
  [
    'Exchange Administrator',
    ['administrateur exchange', "administrateur d'exchange", 'admin exchange', "admin d'exchange", 'exchange administrator', 'exchange admin'],
  ],
  [
    'SharePoint Administrator',
    [
      'administrateur sharepoint',
      'administrateur de sharepoint',
      'admin sharepoint',
      'admin de sharepoint',
      'admin sp',
      'sharepoint administrator',
      'sharepoint admin',
      'sp admin',
    ],
  ],
  ['Teams Administrator', ['administrateur teams', 'administrateur de teams', 'admin teams', 'admin de teams', 'teams administrator', 'teams admin']],
  [
    'Service Support Administrator',
    ['administrateur du support de service', 'administrateur du support des services', 'service support administrator', 'service support admin'],
  ],
  [
    'Authentication Administrator',
    [
      "administrateur de l'authentification",
      'administrateur authentification',
      'admin authentification',
      'authentication administrator',
      'authentication admin',
      'auth admin',
    ],
  ],
  ['Privileged Authentication Administrator', ["administrateur de l'authentification privilegiee", 'privileged authentication administrator']],
  [
    'Privileged Role Administrator',
    [
      'administrateur de role privilegie',
      'administrateur des roles privilegies',
      'admin des roles privilegies',
      'privileged role administrator',
      'privileged role admin',
      'pra',
    ],
  ],
  ['Global Reader', ['lecteur general', 'lecteur global', 'global reader']],
  [
    'Domain Name Administrator',
    [
      'administrateur de noms de domaine',
      'administrateur des noms de domaine',
      'admin des domaines',
      'domain name administrator',
      'domain name admin',
      'domain admin',
    ],
  ],
  // Roles the bot does not grant (GRANTABLE_ROLES), named so that it can say so rather than guess.
  [
    'Security Administrator',
    [
      'administrateur de la securite',
      'administrateur securite',
      'administrateur de securite',
      'admin securite',
      'admin de la securite',
      'security administrator',
      'security admin',
    ],
  ],
  ['Security Reader', ['lecteur de securite', 'lecteur securite', 'security reader']],
  ['Security Operator', ['operateur de securite', 'operateur securite', 'security operator']],
  [
    'Compliance Administrator',
    ['administrateur de conformite', 'administrateur conformite', 'admin conformite', 'compliance administrator', 'compliance admin'],
  ],
  [
    'Billing Administrator',
    ['administrateur de facturation', 'administrateur facturation', 'admin facturation', 'admin de la facturation', 'billing administrator', 'billing admin'],
  ],
  ['Intune Administrator', ['administrateur intune', "administrateur d'intune", 'admin intune', 'intune administrator', 'intune admin']],
  [
    'Groups Administrator',
    ['administrateur de groupes', 'administrateur des groupes', 'admin des groupes', 'admin groupes', 'groups administrator', 'groups admin', 'group admin'],
  ],
  ['Power Platform Administrator', ['administrateur power platform', 'admin power platform', 'power platform administrator', 'power platform admin']],
  ['Reports Reader', ['lecteur de rapports', 'lecteur des rapports', 'reports reader', 'report reader']],
  ['Message Center Reader', ['lecteur du centre de messages', 'message center reader']],
  ['Directory Readers', ["lecteur de l'annuaire", 'lecteurs de repertoire', 'lecteur de repertoire', 'directory readers', 'directory reader']],
  [
    'Application Administrator',
    ["administrateur d'application", "administrateur d'applications", 'admin applications', 'application administrator', 'application admin', 'app admin'],
  ],
  [
    'Cloud Application Administrator',
    ["administrateur d'application cloud", "administrateur d'applications cloud", 'cloud application administrator', 'cloud app admin'],
  ],
  [
    'Conditional Access Administrator',
    ["administrateur de l'acces conditionnel", 'admin acces conditionnel', 'conditional access administrator', 'conditional access admin'],
  ],
  [
    'Teams Communications Administrator',
    ['administrateur des communications teams', 'teams communications administrator', 'teams communications admin', 'teams telephony admin'],
  ],
  [
    'Exchange Recipient Administrator',
    ['administrateur de destinataires exchange', 'administrateur des destinataires', 'exchange recipient administrator', 'recipient admin'],
  ],
  ['Office Apps Administrator', ['administrateur des applications office', 'office apps administrator', 'office apps admin']],
  ['Printer Administrator', ["administrateur d'imprimante", 'administrateur des imprimantes', 'admin imprimantes', 'printer administrator', 'printer admin']],
];

/** Service health names (as Graph's healthOverviews give them) → what people say. */
export const SERVICE_ALIASES: [string, string[]][] = [
  [
    'Exchange Online',
    [
      'exchange online',
      'exchange',
      'outlook',
      'messagerie',
      'boite mail',
      'boite aux lettres',
      'mails',
      'mail',
      'e-mails',
      'emails',
      'email',
      'courriel',
      'courriels',
      'owa',
      'outlook web',
      'calendrier',
      'agenda',
      'calendar',
      'mailbox',
    ],
  ],
  ['Microsoft Teams', ['microsoft teams', 'teams', 'visio teams', 'reunion teams', 'teams meeting']],
  ['SharePoint Online', ['sharepoint online', 'sharepoint', 'intranet', "site d'equipe", 'team site']],
  ['OneDrive for Business', ['onedrive for business', 'onedrive', 'one drive']],
  ['Microsoft 365 apps', ['microsoft 365 apps', 'office', 'word', 'excel', 'powerpoint', 'onenote', 'applications office', 'office apps']],
  ['Microsoft Entra', ['microsoft entra', 'entra', 'entra id', 'azure ad', 'aad', 'connexion', 'authentification', 'mfa', 'sign-in', 'sign in', 'login']],
  ['Microsoft Forms', ['microsoft forms', 'forms']],
];

/**
 * What someone must be able to do, and the least-privileged built-in role that allows it
 * (Microsoft Learn, « Microsoft Entra built-in roles » and « Least privileged roles by task »),
 * matched on folded text: « Lina doit pouvoir réinitialiser les mots de passe » asks for Password
 * Administrator.
 */
export const CAPABILITY_ROLES: [RegExp, string][] = [
  [/\b(reinitialiser|reset|changer|change|debloquer|unlock)\b.*\b(mots? de passe|passwords?|comptes|accounts)\b/, 'Password Administrator'],
  // « avoir accès aux licences »: managing them (access to a product is a licence, not a role, and is not read here)
  [/\b(gerer|manage|attribuer|assign|affecter|retirer|remove|handle|acces|access)\b.*\b(licences?|licenses?)\b/, 'License Administrator'],
  [/\b(gerer|manage|creer|create|administrer|administer)\b.*\b(utilisateurs?|comptes|users?|accounts)\b/, 'User Administrator'],
  [/\b(gerer|manage|administrer|administer)\b.*\b(messagerie|exchange|boites? mail|boites aux lettres|mailboxes|email)\b/, 'Exchange Administrator'],
  [/\b(gerer|manage|administrer|administer)\b.*\bteams\b/, 'Teams Administrator'],
  [/\b(gerer|manage|administrer|administer)\b.*\bsharepoint\b/, 'SharePoint Administrator'],
  [/\b(ouvrir|open|creer|create)\b.*\b(demandes?|tickets?|cases?|requests?)\b.*\b(microsoft)\b/, 'Service Support Administrator'],
];
