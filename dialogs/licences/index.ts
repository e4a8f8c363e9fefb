import type { FeatureDialogs } from '../core/routes';
import { AssignLicenseDialog } from './assignLicenseDialog';
import { BulkLicenseDialog, isBulk } from './bulkLicenseDialog';
import { asksToBuy, namesALicence } from './licenceSteps';
import { holdersAsked, unlicensedAsked } from '../../bot/nlu/namedRequests';
import { LicenseHoldersDialog } from './licenseHoldersDialog';
import { ChangeLicenseDialog } from './changeLicenseDialog';
import { LicenseInventoryDialog } from './licenseInventoryDialog';
import { RemoveLicenseDialog } from './removeLicenseDialog';
import { mayNameSomeone, UserLicensesDialog } from './userLicensesDialog';
import { ArticleDialog } from '../core/articleDialog';
import { BulkReportDialog } from './bulkReportDialog';
import { KnowledgeDialog } from '../core/knowledgeDialog';

export const licenceDialogs: FeatureDialogs = (s) => {
  const bulk = new BulkLicenseDialog(s);
  const inventory = () => new LicenseInventoryDialog(s.authorizer, s.licenses, s.tenantName, s.cards, s.localizer);
  return {
    routes: [
      { intent: 'license.assign', dialog: bulk, when: (r) => namesALicence(r) && isBulk(r) },
      { intent: 'license.remove', dialog: bulk, when: (r) => namesALicence(r) && isBulk(r) },
      // « on peut acheter des licences ? »: how to buy them (the bot does not spend the organisation's money).
      {
        intent: 'license.list',
        dialog: new ArticleDialog('buyLicensesDialog', new KnowledgeDialog(s.knowledge, s.cards, s.localizer), () => 'license.buy'),
        when: (r) => asksToBuy(r.text),
      },
      // « qui a une licence E5 ? »: the people who hold it; « qui n'a pas de licence ? »: those who hold none.
      { intent: 'license.list', dialog: new LicenseHoldersDialog(s), when: (r) => holdersAsked(r.text) || unlicensedAsked(r.text) },
      // « quelles licences a Julie Roux ? »: hers (the inventory when the words name nobody).
      { intent: 'license.list', dialog: new UserLicensesDialog(s, s.resolveUser(), inventory()), when: (r) => mayNameSomeone(r, s.names) },
      { intent: 'license.list', dialog: inventory() },
      { intent: 'license.assign', dialog: new AssignLicenseDialog(s, s.resolveUser()), when: namesALicence },
      { intent: 'license.remove', dialog: new RemoveLicenseDialog(s, s.resolveUser()), when: namesALicence },
      { intent: 'license.change', dialog: new ChangeLicenseDialog(s, s.resolveUser()), when: namesALicence },
      { intent: 'license.report', dialog: new BulkReportDialog(s.authorizer, s.bulkJobs, s.bulkCards, s.localizer) },
    ],
  };
};
