import assert from 'node:assert/strict';
import { LicensePlan, plansMeant } from '../../bot/features/licences/licenses';
import { extractEntities } from '../../bot/nlu/entities';

const plan = (skuPartNumber: string, name: string): LicensePlan => ({ skuId: skuPartNumber, skuPartNumber, name, total: 5, used: 1, free: 4, inWarning: 0 });
const OFFICE_E3 = plan('ENTERPRISEPACK', 'Office 365 E3');
const M365_E3 = plan('SPE_E3', 'Microsoft 365 E3');
const STANDARD = plan('O365_BUSINESS_PREMIUM', 'Microsoft 365 Business Standard');

const meant = (text: string, inventory: LicensePlan[]) => {
  const sku = extractEntities(text).find((e) => e.type === 'sku')!;
  return plansMeant(sku.candidates ?? [sku.value], inventory).map((p) => p.name);
};

describe("Which of the tenant's plans a plan name means", () => {
  it('« E3 » is Office 365 E3 when the tenant holds only that one', () => {
    assert.deepEqual(meant('une licence E3', [OFFICE_E3, STANDARD]), ['Office 365 E3']);
  });

  it('« E3 » is Microsoft 365 E3 when the tenant holds only that one', () => {
    assert.deepEqual(meant('une licence E3', [M365_E3, STANDARD]), ['Microsoft 365 E3']);
  });

  it('« E3 » is both when the tenant holds both: the dialog must ask', () => {
    assert.deepEqual(meant('une licence E3', [OFFICE_E3, M365_E3]), ['Office 365 E3', 'Microsoft 365 E3']);
  });

  it('« M365 E3 » is only Microsoft 365 E3, even when both are held', () => {
    assert.deepEqual(meant('une licence M365 E3', [OFFICE_E3, M365_E3]), ['Microsoft 365 E3']);
  });

  it('a plan the tenant does not hold means nothing', () => {
    assert.deepEqual(meant('une licence Business Premium', [OFFICE_E3, STANDARD]), []);
  });
});
