/**
 * The product names people read in the admin centre, for Graph's skuPartNumber identifiers
 * (Microsoft's "Product names and service plan identifiers for licensing").
 */
const PRODUCT_NAMES: Record<string, string> = {
  O365_BUSINESS_ESSENTIALS: 'Microsoft 365 Business Basic',
  O365_BUSINESS_PREMIUM: 'Microsoft 365 Business Standard',
  SPB: 'Microsoft 365 Business Premium',
  STANDARDPACK: 'Office 365 E1',
  ENTERPRISEPACK: 'Office 365 E3',
  ENTERPRISEPREMIUM: 'Office 365 E5',
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  SPE_F1: 'Microsoft 365 F3',
  EXCHANGESTANDARD: 'Exchange Online (Plan 1)',
  EXCHANGEENTERPRISE: 'Exchange Online (Plan 2)',
  FLOW_FREE: 'Microsoft Power Automate Free',
  POWER_BI_STANDARD: 'Microsoft Fabric (Free)',
  TEAMS_EXPLORATORY: 'Microsoft Teams Exploratory',
};

/** The friendly name of a plan; an unknown part number is shown as Graph names it rather than guessed. */
export function productName(skuPartNumber: string): string {
  return PRODUCT_NAMES[skuPartNumber] ?? skuPartNumber;
}
