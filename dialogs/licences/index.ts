import type { FeatureDialogs } from '../core/routes';
import { AssignLicenseDialog } from './assignLicenseDialog';
import { BulkLicenseDialog, isBulk } from './bulkLicenseDialog';
import { namesALicence } from './licenceSteps';
import { ChangeLicenseDialog } from './changeLicenseDialog';
import { LicenseInventoryDialog } from './licenseInventoryDialog';
import { RemoveLicenseDialog } from './removeLicenseDialog';
import { mayNameSomeone, UserLicensesDialog } from './userLicensesDialog';

export const licenceDialogs: FeatureDialogs = (s) => {
  const bulk = new BulkLicenseDialog(s);
  const inventory = () => new LicenseInventoryDialog(s.authorizer, s.licenses, s.tenantName, s.cards, s.localizer);
  return {
    routes: [
      { intent: 'license.assign', dialog: bulk, when: (r) => namesALicence(r) && isBulk(r) },
      { intent: 'license.remove', dialog: bulk, when: (r) => namesALicence(r) && isBulk(r) },
      // « quelles licences a Julie Roux ? »: hers (the inventory when the words name nobody).
      { intent: 'license.list', dialog: new UserLicensesDialog(s, s.resolveUser(), inventory()), when: (r) => mayNameSomeone(r, s.names) },
      { intent: 'license.list', dialog: inventory() },
      { intent: 'license.assign', dialog: new AssignLicenseDialog(s, s.resolveUser()), when: namesALicence },
      { intent: 'license.remove', dialog: new RemoveLicenseDialog(s, s.resolveUser()), when: namesALicence },
      { intent: 'license.change', dialog: new ChangeLicenseDialog(s, s.resolveUser()), when: namesALicence },
    ],
  };
};
