import assert from 'node:assert/strict';
import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';
import { freePort } from '../support/freePort';
import { TENANT_ID } from '../support/fixtures';
import { startTestBot, TestBot } from '../support/testBot';

const APP_ID = '0b0b0b0b-1111-2222-3333-444444444444';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Plays the Bot Framework's OpenID metadata and signing keys (login.botframework.com), on loopback. */
class SigningKeys {
  readonly trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  requests = 0;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else {
        const jwk = this.trusted.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'trusted-key', kty: 'RSA', use: 'sig', endorsements: ['msteams'] }] }));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
    return this;
  }

  /** A Bot Framework channel token for this bot, signed with `key` and naming the trusted key's id. */
  token(key: KeyObject, serviceUrl: string, alg = 'RS256'): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64({ alg, typ: 'JWT', kid: 'trusted-key' });
    const payload = b64({ iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 600, nbf: now - 60, serviceurl: serviceUrl });
    if (alg === 'none') return `${header}.${payload}.`;
    return `${header}.${payload}.${sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url')}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

describe('Authentication with a Microsoft App Id', function () {
  this.timeout(60000);
  let keys: SigningKeys;
  let capture: CaptureServer;
  let bot: TestBot;
  /** An activity that needs no reply (the bot would otherwise ask Entra for a token to answer with). */
  const quiet = () => teamsActivity(capture.url, { type: 'event', name: 'application/vnd.test.ping', text: undefined });
  const identity = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID };
  const turnsRun = (b: TestBot) => b.logs.filter((l) => l.includes('"turn started"')).length;

  before(async () => {
    keys = await new SigningKeys().start();
    capture = await new CaptureServer().start();
    bot = await startTestBot({ ...identity, ToBotFromChannelOpenIdMetadataUrl: `${keys.url}/v1/.well-known/openidconfiguration` });
  });
  after(async () => {
    await bot?.bot.close();
    await capture?.close();
    await keys?.close();
  });

  it("runs the turn of a request signed with the Bot Framework's key", async () => {
    const response = await bot.post(quiet(), { Authorization: `Bearer ${keys.token(keys.trusted.privateKey, capture.url)}` });
    assert.equal(response.status, 200);
    assert.equal(turnsRun(bot), 1);
  });

  it('answers 401 to a token with a forged signature, and runs nothing', async () => {
    const before = turnsRun(bot);
    const response = await bot.post(quiet(), { Authorization: `Bearer ${keys.token(keys.forger.privateKey, capture.url)}` });
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { error: 'Unauthorized' });
    assert.equal(turnsRun(bot), before);
  });

  it('answers 401 to an unsigned token (alg none) without fetching any key', async () => {
    const fetched = keys.requests;
    const response = await bot.post(quiet(), { Authorization: `Bearer ${keys.token(keys.forger.privateKey, capture.url, 'none')}` });
    assert.equal(response.status, 401);
    assert.equal(keys.requests, fetched, 'no key was fetched for it');
  });

  it('answers 401 to a request without a token, or with garbage', async () => {
    for (const headers of [{}, { Authorization: 'Bearer abc.def' }, { Authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      const response = await bot.post(teamsActivity(capture.url, { text: 'licences' }), headers);
      assert.equal(response.status, 401, JSON.stringify(headers));
    }
    assert.equal(capture.activities.length, 0);
  });

  it('answers 503 without internal detail when the signing keys cannot be fetched, and runs nothing', async () => {
    const closed = await freePort();
    const unreachable = await startTestBot({ ...identity, ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${closed}/v1/.well-known/openidconfiguration` });
    try {
      const response = await unreachable.post(quiet(), { Authorization: `Bearer ${keys.token(keys.trusted.privateKey, capture.url)}` });
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { error: 'Service Unavailable' });
      assert.equal(turnsRun(unreachable), 0);
    } finally {
      await unreachable.bot.close();
    }
  });
});
