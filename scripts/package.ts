import { mkdirSync, writeFileSync } from 'node:fs';
import { loadPackageSettings } from '../bot/host/config';
import { projectPath } from '../bot/host/paths';
import { buildAppPackage } from './appPackage';

/** `npm run package`: writes dist/appPackage/assistant-admin-365.zip, to upload to Teams. */
async function main(): Promise<void> {
  const { botId, botDomain, teamsAppId, ssoAppId } = loadPackageSettings();
  const zip = await buildAppPackage({ botId, botDomain, appId: teamsAppId, ssoAppId });
  mkdirSync(projectPath('dist', 'appPackage'), { recursive: true });
  const path = projectPath('dist', 'appPackage', 'assistant-admin-365.zip');
  writeFileSync(path, zip);
  process.stdout.write(`Teams app package written: ${path}\n`);
}

main().catch((error) => {
  process.stderr.write(`npm run package failed: ${(error as Error).message}\n`);
  process.exit(1);
});
