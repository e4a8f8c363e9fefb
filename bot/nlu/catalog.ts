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
  ['basic', ['O365_BUSINESS_ESSENTIALS']],
  ['microsoft 365 business standard', ['O365_BUSINESS_PREMIUM']],
  ['m365 business standard', ['O365_BUSINESS_PREMIUM']],
  ['business standard', ['O365_BUSINESS_PREMIUM']],
  ['business std', ['O365_BUSINESS_PREMIUM']],
  ['standard', ['O365_BUSINESS_PREMIUM']],
  ['microsoft 365 business premium', ['SPB']],
  ['m365 business premium', ['SPB']],
  ['business premium', ['SPB']],
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
];

/** Directory role (its English display name in Entra) → French and English ways of saying it. */
export const ROLE_ALIASES: [string, string[]][] = [
  [
    'Global Administrator',
    ['administrateur global', 'administratrice globale', 'admin global', 'administrateur general', 'global administrator', 'global admin'],
  ],
  ['User Administrator', ['administrateur des utilisateurs', 'administrateur utilisateurs', 'admin utilisateurs', 'user administrator', 'user admin']],
  [
    'License Administrator',
    [
      'administrateur des licences',
      'administratrice des licences',
      'administrateur de licences',
      'admin licences',
      'license administrator',
      'licence administrator',
      'license admin',
      'licence admin',
    ],
  ],
  [
    'Helpdesk Administrator',
    ['support technique', 'administrateur du support technique', 'administrateur helpdesk', 'helpdesk administrator', 'helpdesk admin', 'helpdesk'],
  ],
  ['Password Administrator', ['administrateur des mots de passe', 'administrateur de mots de passe', 'password administrator', 'password admin']],
  ['Exchange Administrator', ['administrateur exchange', 'admin exchange', 'exchange administrator', 'exchange admin']],
  ['SharePoint Administrator', ['administrateur sharepoint', 'admin sharepoint', 'sharepoint administrator', 'sharepoint admin']],
  ['Teams Administrator', ['administrateur teams', 'admin teams', 'teams administrator', 'teams admin']],
  [
    'Service Support Administrator',
    ['administrateur du support de service', 'administrateur du support des services', 'service support administrator', 'service support admin'],
  ],
  ['Authentication Administrator', ["administrateur de l'authentification", 'administrateur authentification', 'authentication administrator']],
  ['Privileged Authentication Administrator', ["administrateur de l'authentification privilegiee", 'privileged authentication administrator']],
  ['Privileged Role Administrator', ['administrateur de role privilegie', 'administrateur des roles privilegies', 'privileged role administrator']],
  ['Global Reader', ['lecteur general', 'lecteur global', 'global reader']],
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
    ],
  ],
  ['Microsoft Teams', ['microsoft teams', 'teams']],
  ['SharePoint Online', ['sharepoint online', 'sharepoint']],
  ['OneDrive for Business', ['onedrive for business', 'onedrive', 'one drive']],
  ['Microsoft 365 apps', ['microsoft 365 apps', 'office', 'word', 'excel', 'powerpoint']],
  ['Microsoft Entra', ['microsoft entra', 'entra', 'azure ad', 'connexion', 'sign-in', 'sign in']],
  ['Microsoft Forms', ['microsoft forms', 'forms']],
];
