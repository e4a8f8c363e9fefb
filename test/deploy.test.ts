import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import ignore from 'ignore';
import { readEnvironment } from '../bot/host/config';
import { projectPath } from '../bot/host/paths';

/**
 * The strongest check of deploy/ that runs offline (no Bicep compiler installs here; `az bicep
 * build` and a what-if are the real ones, see the README): the resource types and API versions
 * are those of Microsoft's own templates, every parameter is documented and used, modules get the
 * parameters they declare, app settings are settings the bot reads (or App Service's own), and
 * what m365agents.yml and the parameters file use is defined somewhere.
 */

/** Resource types and API versions as Microsoft's Agents Toolkit bot templates and Azure quickstarts use them. */
const KNOWN_RESOURCES = new Set([
  'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31',
  'Microsoft.Web/serverfarms@2021-02-01',
  'Microsoft.Web/sites@2021-02-01',
  'Microsoft.BotService/botServices@2021-03-01',
  'Microsoft.BotService/botServices/channels@2021-03-01',
  'Microsoft.Storage/storageAccounts@2023-01-01',
  'Microsoft.Storage/storageAccounts/blobServices@2023-01-01',
  'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01',
  'Microsoft.Authorization/roleAssignments@2022-04-01',
  'Microsoft.OperationalInsights/workspaces@2022-10-01',
  'Microsoft.Insights/components@2020-02-02',
]);

/** App settings that App Service and Application Insights read themselves. */
const PLATFORM_SETTING = /^(WEBSITE_|SCM_|ApplicationInsightsAgent_|APPLICATIONINSIGHTS_CONNECTION_STRING$)/;

const read = (...parts: string[]) => readFileSync(projectPath(...parts), 'utf8');
const bicepFiles = () =>
  readdirSync(projectPath('deploy'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => ({ file: f, text: read('deploy', f) }));

interface Param {
  name: string;
  required: boolean;
  described: boolean;
}

function paramsOf(text: string): Param[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const m = /^param (\w+) \w+( =)?/.exec(line);
    if (!m) return [];
    const decorators = [];
    for (let j = i - 1; j >= 0 && lines[j].startsWith('@'); j--) decorators.push(lines[j]);
    return [{ name: m[1], required: !m[2], described: decorators.some((d) => d.startsWith('@description(')) }];
  });
}

describe('Azure deployment (deploy/, m365agents.yml), checked offline', () => {
  it("uses only resource types and API versions from Microsoft's templates", () => {
    const used = bicepFiles().flatMap(({ file, text }) => [...text.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => ({ file, type: m[1] })));
    assert.ok(used.length >= 10, 'the resources are found');
    assert.deepEqual(
      used.filter((u) => !KNOWN_RESOURCES.has(u.type)),
      [],
    );
  });

  it('documents and uses every parameter', () => {
    for (const { file, text } of bicepFiles()) {
      for (const param of paramsOf(text)) {
        assert.ok(param.described, `${file}: ${param.name} has a @description`);
        const uses = text.match(new RegExp(`\\b${param.name}\\b`, 'g'))?.length ?? 0;
        assert.ok(uses >= 2, `${file}: ${param.name} is used`);
      }
    }
  });

  it('gives each module the parameters it declares, the required ones all', () => {
    const main = read('deploy', 'azure.bicep');
    for (const m of main.matchAll(/^module \w+ '([^']+)' = \{[\s\S]*?params: \{([\s\S]*?)\n {2}\}/gm)) {
      const declared = paramsOf(read('deploy', m[1]));
      const given = [...m[2].matchAll(/^\s+(\w+):/gm)].map((g) => g[1]);
      assert.deepEqual(
        given.filter((g) => !declared.some((d) => d.name === g)),
        [],
        `${m[1]}: unknown parameters`,
      );
      assert.deepEqual(
        declared.filter((d) => d.required && !given.includes(d.name)).map((d) => d.name),
        [],
        `${m[1]}: missing parameters`,
      );
    }
  });

  it('sets only app settings the bot reads (.env.example lists them) or App Service reads itself', () => {
    const settings = [...read('deploy', 'azure.bicep').matchAll(/\{ name: '(\w+)', value:/g)].map((m) => m[1]);
    assert.ok(settings.includes('MicrosoftAppType') && settings.includes('STORAGE_ACCOUNT_NAME'));
    const documented = new Set([...read('.env.example').matchAll(/^#\s*([A-Za-z_]+)=/gm)].map((m) => m[1]));
    assert.deepEqual(
      settings.filter((s) => !PLATFORM_SETTING.test(s) && !documented.has(s)),
      [],
    );
  });

  it('runs the bot as Node.js 24 on Linux, probed on /readyz, with no secret in any setting', () => {
    const main = read('deploy', 'azure.bicep');
    assert.match(main, /linuxFxVersion: 'NODE\|24-lts'/);
    assert.match(main, /healthCheckPath: '\/readyz'/);
    assert.match(main, /appCommandLine: 'node dist\/bot\/host\/main\.js'/);
    assert.match(main, /\{ name: 'MicrosoftAppType', value: 'UserAssignedMSI' \}/);
    const code = main.replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\{ name: '\w*(PASSWORD|SECRET|KEY)\w*'|listKeys\(|AccountKey=|connectionString\(/i);
  });

  it('defines everything m365agents.yml and the parameters file use', () => {
    const yml = read('m365agents.yml');
    const env = new Set([...read('env', '.env.dev').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const outputs = new Set([...read('deploy', 'azure.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]));
    const written = new Set([...yml.matchAll(/^\s+\w+: ([A-Z_]+)$/gm)].map((m) => m[1]));
    const used = [...yml.matchAll(/\$\{\{(\w+)\}\}/g), ...read('deploy', 'azure.parameters.json').matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]);
    assert.deepEqual(
      used.filter((v) => !env.has(v) && !outputs.has(v) && !written.has(v)),
      [],
    );
    for (const output of outputs) assert.ok(env.has(output), `env/.env.dev lists the output ${output}`);
    const parameters = Object.keys((JSON.parse(read('deploy', 'azure.parameters.json')) as { parameters: object }).parameters);
    const declared = paramsOf(read('deploy', 'azure.bicep')).map((p) => p.name);
    assert.deepEqual(
      parameters.filter((p) => !declared.includes(p)),
      [],
    );
    for (const path of [...yml.matchAll(/(?:path|parameters|ignoreFile): (\.\/\S+)/g)].map((m) => m[1])) {
      assert.doesNotThrow(() => read(path), `${path} exists`);
    }
  });

  it('deploys by zip nothing local: a folder deployed through .webappignore holds the built bot and none of .env, the Azurite data, keys or tests', () => {
    const project = mkdtempSync(join(tmpdir(), 'deploy-from-'));
    const deployed = mkdtempSync(join(tmpdir(), 'deploy-to-'));
    try {
      const files = [
        '.env',
        '.env.local',
        'env/.env.dev',
        '.local/azurite/__azurite_db_table__.json',
        'test/vendor/tls/loopback-key.pem',
        'coverage/index.html',
        'dist/test/bot/trust.test.js',
        'dist/bot/host/main.js',
        'dist/nlu-model.json',
        'package.json',
        'locales/fr.json',
        'knowledge/articles.json',
        'cards/core/notice.json',
        'node_modules/botbuilder/package.json',
      ];
      for (const file of files) {
        mkdirSync(dirname(join(project, file)), { recursive: true });
        writeFileSync(join(project, file), 'x');
      }
      // What azureAppService/zipDeploy does with ignoreFile: every file not ignored goes.
      const rules = ignore().add(readFileSync(projectPath('.webappignore'), 'utf8'));
      for (const file of files.filter((f) => !rules.ignores(f))) {
        mkdirSync(dirname(join(deployed, file)), { recursive: true });
        copyFileSync(join(project, file), join(deployed, file));
      }
      const shipped = (readdirSync(deployed, { recursive: true }) as string[]).map((f) => f.split(sep).join('/')).filter((f) => f.includes('.'));
      assert.deepEqual(shipped.sort(), [
        'cards/core/notice.json',
        'dist/bot/host/main.js',
        'dist/nlu-model.json',
        'knowledge/articles.json',
        'locales/fr.json',
        'node_modules/botbuilder/package.json',
        'package.json',
      ]);
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(deployed, { recursive: true, force: true });
    }
  });

  it('reads no .env in production, and says when it read one elsewhere', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dotenv-'));
    try {
      const file = join(folder, '.env');
      writeFileSync(file, 'GRAPH_CLIENT_SECRET=from-a-local-file\nPORT=4000\n');
      const production = readEnvironment({ NODE_ENV: 'production' }, file);
      assert.equal(production.env.GRAPH_CLIENT_SECRET, undefined);
      assert.deepEqual(production.source, { fromEnvFile: [], envFileIgnored: true });
      const appService = readEnvironment({ WEBSITE_INSTANCE_ID: 'abc' }, file);
      assert.equal(appService.env.PORT, undefined, 'App Service is production whatever NODE_ENV says');
      const local = readEnvironment({ PORT: '3978' }, file);
      assert.equal(local.env.PORT, '3978', 'the real environment wins');
      assert.deepEqual(local.source, { fromEnvFile: ['GRAPH_CLIENT_SECRET'], envFileIgnored: false });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
