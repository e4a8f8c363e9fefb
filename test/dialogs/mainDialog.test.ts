import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { CardRenderer } from '../../bot/cards';
import { createGraphClient } from '../../bot/graph/client';
import { GraphApi } from '../../bot/graph/graphApi';
import { LicenseService } from '../../bot/graph/licenses';
import { Localizer } from '../../bot/i18n';
import { Logger } from '../../bot/logger';
import { RuleRecognizer } from '../../bot/recognizer';
import { TurnSetup } from '../../bot/turn';
import { LicenseInventoryDialog } from '../../dialogs/licenseInventoryDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import { useDemoTenant } from '../support/demoTenant';
import { mainDialogTestCases } from './testData/mainDialogTestCases';

describe('Main dialog', () => {
  const { tenant } = useDemoTenant();
  const cards = new CardRenderer();
  const localizer = new Localizer();

  const client = () => {
    const graph = new GraphApi(createGraphClient({ baseUrl: tenant().url, timeoutMs: 5000, maxRetries: 0 }), tenant().url);
    const dialog = new MainDialog(new RuleRecognizer(), cards, localizer, [
      { intent: 'license.list', dialog: new LicenseInventoryDialog(new LicenseService(graph), () => 'Lumière & Fils', cards, localizer) },
    ]);
    return new DialogTestClient('msteams', dialog, undefined, [new TurnSetup(new Logger('error', {}, () => {}), 'fr')]);
  };

  for (const testCase of mainDialogTestCases) {
    it(testCase.name, async () => {
      const activity = typeof testCase.utterance === 'string' ? { type: 'message', text: testCase.utterance } : { type: 'message', text: '', value: testCase.utterance.value };
      const reply = await client().sendActivity({ ...activity, locale: testCase.locale });
      const card = reply?.attachments?.[0]?.content;
      assert.ok(card, 'the reply carries a card');
      const text = JSON.stringify(card);
      if (testCase.card === 'licenseInventory') assert.ok(text.includes('license.list') && text.includes('ColumnSet'), 'it is the inventory card');
      else assert.ok(!text.includes('ColumnSet'), 'it is the welcome card');
      for (const expected of testCase.says) assert.match(text, expected);
    });
  }

  it('ends after answering, so the next message starts afresh', async () => {
    const dialogClient = client();
    await dialogClient.sendActivity({ type: 'message', text: 'licences', locale: 'fr-FR' });
    assert.equal(dialogClient.dialogTurnResult.status, 'complete');
  });
});
