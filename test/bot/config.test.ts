import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ConfigError, readConfig } from '../../bot/host/config';
import { projectPath } from '../../bot/host/paths';

describe('Configuration', () => {
  const failsOn = (env: Record<string, string>, variable: string) => {
    assert.throws(
      () => readConfig(env),
      (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.includes(variable),
    );
  };

  it('has working defaults: port 3978, demo tenant on 3979, embedded storage, no authentication', () => {
    const config = readConfig({});
    assert.equal(config.port, 3978);
    assert.deepEqual(config.graph, { mode: 'demo', demoPort: 3979 });
    assert.equal(config.storage.mode, 'embedded');
    assert.equal(config.unauthenticated, true);
    assert.equal(config.defaultLocale, 'fr');
  });

  it('keeps storage in memory under NODE_ENV=test and on disk otherwise', () => {
    assert.deepEqual(readConfig({ NODE_ENV: 'test' }).storage, { mode: 'embedded', location: '.local/azurite', inMemory: true });
    assert.equal((readConfig({}).storage as { inMemory: boolean }).inMemory, false);
  });

  it('names PORT when it is not a port number', () => {
    failsOn({ PORT: 'abc' }, 'PORT');
    failsOn({ PORT: '70000' }, 'PORT');
  });

  it('requires MicrosoftAppPassword with a MicrosoftAppId', () => {
    failsOn({ MicrosoftAppId: '0b0b0b0b-1111-2222-3333-444444444444' }, 'MicrosoftAppPassword');
  });

  it('requires MicrosoftAppTenantId for a single-tenant bot', () => {
    failsOn({ MicrosoftAppId: '0b0b0b0b-1111-2222-3333-444444444444', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId');
  });

  it('accepts a user-assigned managed identity without a password', () => {
    const config = readConfig({
      MicrosoftAppId: '0b0b0b0b-1111-2222-3333-444444444444',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '8c4f2b7a-3d91-4e6b-a5c8-1f2e3d4c5b6a',
    });
    assert.equal(config.unauthenticated, false);
  });

  it('refuses an unknown MicrosoftAppType and a malformed app id', () => {
    failsOn({ MicrosoftAppType: 'Personal' }, 'MicrosoftAppType');
    failsOn({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x' }, 'MicrosoftAppId');
  });

  it('requires GRAPH_TENANT_ID with a Graph client id or secret, and a client id with a tenant', () => {
    failsOn({ GRAPH_CLIENT_ID: '0b0b0b0b-1111-2222-3333-444444444444' }, 'GRAPH_TENANT_ID');
    failsOn({ GRAPH_CLIENT_SECRET: 's' }, 'GRAPH_TENANT_ID');
    failsOn({ GRAPH_TENANT_ID: '8c4f2b7a-3d91-4e6b-a5c8-1f2e3d4c5b6a' }, 'GRAPH_CLIENT_ID');
  });

  it('uses a real tenant with a client secret, or with a managed identity when there is none', () => {
    const tenant = '8c4f2b7a-3d91-4e6b-a5c8-1f2e3d4c5b6a';
    const client = '0b0b0b0b-1111-2222-3333-444444444444';
    assert.deepEqual(readConfig({ GRAPH_TENANT_ID: tenant, GRAPH_CLIENT_ID: client, GRAPH_CLIENT_SECRET: 's' }).graph, {
      mode: 'tenant',
      tenantId: tenant,
      clientId: client,
      clientSecret: 's',
      baseUrl: 'https://graph.microsoft.com',
    });
    assert.equal((readConfig({ GRAPH_TENANT_ID: tenant, GRAPH_CLIENT_ID: client }).graph as { clientSecret?: string }).clientSecret, undefined);
  });

  it('points Graph at any compatible server with GRAPH_BASE_URL, and refuses a non-URL', () => {
    assert.deepEqual(readConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:3979/' }).graph, { mode: 'external', baseUrl: 'http://127.0.0.1:3979' });
    failsOn({ GRAPH_BASE_URL: 'graph.local' }, 'GRAPH_BASE_URL');
  });

  it('reaches a storage account with a managed identity when only its name is given (no key anywhere)', () => {
    const id = '5e5e5e5e-1111-2222-3333-444444444444';
    assert.deepEqual(readConfig({ STORAGE_ACCOUNT_NAME: 'aa365storage', STORAGE_CLIENT_ID: id }).storage, {
      mode: 'identity',
      accountName: 'aa365storage',
      clientId: id,
    });
    failsOn({ STORAGE_ACCOUNT_NAME: 'Not_An_Account' }, 'STORAGE_ACCOUNT_NAME');
    failsOn({ STORAGE_ACCOUNT_NAME: 'aa365storage', STORAGE_CLIENT_ID: 'me' }, 'STORAGE_CLIENT_ID');
  });

  it('refuses a STORAGE_CONNECTION_STRING that is not one', () => {
    failsOn({ STORAGE_CONNECTION_STRING: 'postgres://x' }, 'STORAGE_CONNECTION_STRING');
    assert.equal(readConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage.mode, 'azure');
  });

  it('stops `npm run serve` at start-up with a message naming the variable at fault', () => {
    const result = spawnSync(process.execPath, [projectPath('dist', 'bot', 'host', 'main.js')], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port' },
      cwd: projectPath('test'), // no .env there
      encoding: 'utf8',
      timeout: 20000,
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /PORT must be a whole number, got "not-a-port"/);
  });
});
