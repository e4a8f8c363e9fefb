/** What the main dialog answers, utterance by utterance: the card it sends and what that card must say. */
export interface MainDialogTestCase {
  name: string;
  locale: string;
  utterance: string | { value: Record<string, unknown> };
  card: 'licenseInventory' | 'welcome';
  says: RegExp[];
}

export const mainDialogTestCases: MainDialogTestCase[] = [
  { name: '« licences » shows the inventory', locale: 'fr-FR', utterance: 'licences', card: 'licenseInventory', says: [/Licences de Lumière & Fils/, /Disponibles : 4/] },
  { name: 'accents and capitals do not matter', locale: 'fr-FR', utterance: 'LICÉNCES ?', card: 'licenseInventory', says: [/Licences de Lumière & Fils/] },
  { name: '« inventaire des licences stp » shows the inventory', locale: 'fr-FR', utterance: 'inventaire des licences stp', card: 'licenseInventory', says: [/Utilisées : 14 sur 20/] },
  { name: '"licenses" in English shows it in English', locale: 'en-US', utterance: 'licenses', card: 'licenseInventory', says: [/Licences of Lumière & Fils/, /Available: 0/] },
  { name: 'the Refresh button of the card shows it again', locale: 'fr-FR', utterance: { value: { action: 'license.list' } }, card: 'licenseInventory', says: [/Licences de Lumière & Fils/] },
  { name: '« aide » shows what the bot can do', locale: 'fr-FR', utterance: 'aide', card: 'welcome', says: [/Voir les licences/] },
  { name: '"help" answers in English', locale: 'en-US', utterance: 'help', card: 'welcome', says: [/Show licences/] },
  { name: 'an unknown request is not a dead end', locale: 'fr-FR', utterance: 'commande une pizza', card: 'welcome', says: [/Je n'ai pas compris/, /Voir les licences/] },
  { name: 'an unknown card action is treated as not understood', locale: 'en-US', utterance: { value: { action: 'rocket.launch' } }, card: 'welcome', says: [/I did not understand/] },
];
