import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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
});
