import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { projectPath } from '../bot/host/paths';

/**
 * The Teams app package: manifest/manifest.json with its placeholders filled, its English
 * localization and its two icons, validated against the official Teams schemas bundled in
 * @microsoft/app-manifest (no download).
 */

export interface PackageSettings {
  /** The bot's Entra app id (MicrosoftAppId). */
  botId: string;
  /** The host name the bot is served at (BOT_DOMAIN): its /privacy and /terms pages are the app's. */
  botDomain: string;
  /** The Teams app's own id; the bot id when not given. */
  appId?: string;
  /**
   * The Entra app that Teams SSO signs users in to (the Azure Bot's OAuth connection uses it):
   * it fills webApplicationInfo. Without it the manifest has no SSO, and password changes are
   * explained rather than done in chat.
   */
  ssoAppId?: string;
  version?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILES = ['color.png', 'outline.png', 'en-us.json'];

function schema(name: string): object {
  return JSON.parse(readFileSync(require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v1.22/${name}`), 'utf8')) as object;
}

export function fillManifest(settings: PackageSettings): Record<string, unknown> {
  if (!GUID.test(settings.botId)) throw new Error(`MicrosoftAppId must be the bot's Entra app id (a GUID), got "${settings.botId}"`);
  const appId = settings.appId ?? settings.botId;
  if (!GUID.test(appId)) throw new Error(`TEAMS_APP_ID must be a GUID, got "${appId}"`);
  const version = settings.version ?? (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
  if (settings.ssoAppId !== undefined && !GUID.test(settings.ssoAppId)) throw new Error(`AAD_APP_CLIENT_ID must be a GUID, got "${settings.ssoAppId}"`);
  const values: Record<string, string> = {
    MicrosoftAppId: settings.botId,
    TEAMS_APP_ID: appId,
    APP_VERSION: version,
    AAD_APP_CLIENT_ID: settings.ssoAppId ?? '',
    BOT_DOMAIN: settings.botDomain,
  };
  const text = readFileSync(projectPath('manifest', 'manifest.json'), 'utf8').replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`manifest.json uses an unknown placeholder ${name}`);
    return values[name];
  });
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if (!settings.ssoAppId) delete manifest.webApplicationInfo;
  return manifest;
}

function validate(value: unknown, schemaFile: string): string[] {
  // The Teams schemas are draft-04, and some of their patterns use \b inside brackets, which unicode mode refuses.
  const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(schema(schemaFile));
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}

/** Schema problems of the manifest and of its localization file (empty when valid). */
export function validatePackage(manifest: Record<string, unknown>): string[] {
  const localization = JSON.parse(readFileSync(projectPath('manifest', 'en-us.json'), 'utf8')) as unknown;
  return [
    ...validate(manifest, 'MicrosoftTeams.schema.json').map((p) => `manifest.json: ${p}`),
    ...validate(localization, 'MicrosoftTeams.Localization.schema.json').map((p) => `en-us.json: ${p}`),
  ];
}

export async function buildAppPackage(settings: PackageSettings): Promise<Buffer> {
  const manifest = fillManifest(settings);
  const problems = validatePackage(manifest);
  if (problems.length > 0) throw new Error(`The Teams app manifest is not valid:\n${problems.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const file of FILES) zip.file(file, readFileSync(projectPath('manifest', file)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
