import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Logger } from '../../bot/host/logger';
import { projectPath } from '../../bot/host/paths';
import { EmbeddedAzurite, startAzurite } from '../../bot/storage/azurite';
import { teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';
import { ORDINARY, TENANT_ID } from '../support/fixtures';
import { startTestBot } from '../support/testBot';

const run = promisify(execFile);

describe('Incident numbers and records, shared by every instance of the bot', function () {
  this.timeout(90000);
  let azurite: EmbeddedAzurite;

  before(async () => {
    azurite = await startAzurite({ location: '', inMemory: true, logger: new Logger('error', {}, () => {}) });
  });
  after(async () => azurite?.stop());

  it('two processes minting numbers at the same time never get the same one, and skip none', async () => {
    const mint = () => run(process.execPath, [projectPath('dist', 'test', 'support', 'mintNumbers.js'), azurite.connectionString, '15']);
    const [one, two] = await Promise.all([mint(), mint()]);
    const numbers = [...(JSON.parse(one.stdout) as number[]), ...(JSON.parse(two.stdout) as number[])].sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 30 }, (_, i) => numbers[0] + i),
    );
  });

  it('an incident filed with one bot process is listed by the next, after a restart', async () => {
    const capture = await new CaptureServer().start();
    const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
    const chat = { id: 'a:lea-incident-restart', conversationType: 'personal', tenantId: TENANT_ID };
    const env = { STORAGE_CONNECTION_STRING: azurite.connectionString };
    const say = (bot: Awaited<ReturnType<typeof startTestBot>>, text: string, value?: object) =>
      bot.post(teamsActivity(capture.url, { text, value, from: lea, conversation: chat }));
    let label: string;
    const first = await startTestBot(env);
    try {
      await say(first, 'SharePoint est inaccessible pour toute mon équipe');
      const nonce = capture.cards().pop().actions[0].data.incidentForm;
      await say(first, '', { incidentForm: nonce, service: 'OneDrive for Business', impact: 'team', description: 'Le site de l’équipe est inaccessible' });
      label = /INC-\d{6}/.exec(capture.texts().join(' '))![0];
    } finally {
      await first.bot.close();
    }
    capture.clear();
    const second = await startTestBot(env);
    try {
      await say(second, 'mes incidents');
      assert.match(JSON.stringify(capture.cards()), new RegExp(label));
    } finally {
      await second.bot.close();
      await capture.close();
    }
  });
});
