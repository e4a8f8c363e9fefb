import { mkdirSync, writeFileSync } from 'node:fs';
import { projectPath } from '../bot/host/paths';
import { buildAppPackage } from './appPackage';

/** `npm run package`: writes dist/appPackage/assistant-admin-365.zip, to upload to Teams. */
async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv').config({ quiet: true });
  const botId = process.env.MicrosoftAppId ?? '';
  if (botId === '') throw new Error('MicrosoftAppId is required: the Teams app points at the bot registered with that Entra app id.');
  const zip = await buildAppPackage({ botId, appId: process.env.TEAMS_APP_ID || undefined });
  mkdirSync(projectPath('dist', 'appPackage'), { recursive: true });
  const path = projectPath('dist', 'appPackage', 'assistant-admin-365.zip');
  writeFileSync(path, zip);
  process.stdout.write(`Teams app package written: ${path}\n`);
}

main().catch((error) => {
  process.stderr.write(`npm run package failed: ${(error as Error).message}\n`);
  process.exit(1);
});
