import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { projectPath } from '../../bot/host/paths';
import { gunzipSync } from 'node:zlib';
import { Logger } from '../../bot/host/logger';
import { graphRoute, NO_TELEMETRY, startTelemetry } from '../../bot/host/telemetry';
import { teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';
import { startTestBot } from '../support/testBot';

/**
 * Plays Application Insights' ingestion endpoint on loopback, over HTTPS with the test certificate
 * (the exporter speaks nothing else): keeps every envelope it receives.
 */
async function ingestion(): Promise<{ url: string; envelopes: Record<string, unknown>[]; paths: string[]; close(): Promise<void> }> {
  const envelopes: Record<string, unknown>[] = [];
  const paths: string[] = [];
  const tls = {
    cert: readFileSync(projectPath('test', 'vendor', 'tls', 'loopback-cert.pem')),
    key: readFileSync(projectPath('test', 'vendor', 'tls', 'loopback-key.pem')),
  };
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(req.url ?? '');
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const text = body.toString('utf8').trim();
      for (const line of text.startsWith('[')
        ? (JSON.parse(text) as Record<string, unknown>[])
        : text.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>))
        envelopes.push(line);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `https://127.0.0.1:${(server.address() as { port: number }).port}/`,
    envelopes,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Telemetry', function () {
  this.timeout(60000);

  it('without a connection string, records nothing and loads no exporter', async () => {
    assert.equal(await startTelemetry('', new Logger('error', {}, () => {})), NO_TELEMETRY);
  });

  it('keeps the route of a Graph call without any identifier, address or domain', () => {
    assert.equal(graphRoute('https://graph.microsoft.com/v1.0/users/paul.fontaine@lumiere-fils.fr/assignLicense'), '/users/{id}/assignLicense');
    assert.equal(graphRoute('http://127.0.0.1:3979/v1.0/users/0b1d9c1e-5f43-4a55-9a53-0d7b8c1e2f3a?$select=id'), '/users/{id}');
    assert.equal(graphRoute('/v1.0/domains/lumiere-fils.com/verify'), '/domains/{id}/verify');
    assert.equal(graphRoute('/v1.0/admin/serviceAnnouncement/issues/EX1062744'), '/admin/serviceAnnouncement/issues/{id}');
    assert.equal(graphRoute('/v1.0/subscribedSkus'), '/subscribedSkus');
  });

  it('with a connection string, sends turns and Graph calls to Application Insights, and never the words, names or addresses of a message', async () => {
    const endpoint = await ingestion();
    const capture = await new CaptureServer().start();
    // The exporter must trust the test certificate: for this test only.
    const trusted = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const bot = await startTestBot({
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=${endpoint.url}`,
    });
    try {
      const response = await bot.post(teamsActivity(capture.url, { text: 'quels rôles a julien.moreau@lumiere-fils.fr ? mot de passe secret Hunter2' }));
      assert.equal(response.status, 200);
    } finally {
      await bot.bot.close(); // flushes what is pending
      await capture.close();
      if (trusted === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = trusted;
    }
    await endpoint.close();
    const all = JSON.stringify(endpoint.envelopes);
    assert.ok(
      endpoint.paths.every((p) => p.startsWith('/v2.1/track')),
      endpoint.paths.join(', '),
    );
    assert.match(all, /turn message/);
    assert.match(all, /admin\.roles/, 'the operation the turn was routed to');
    assert.match(all, /Graph GET \/users\/\{id\}/);
    assert.match(all, /assistant\.turn\.duration/);
    for (const secret of ['julien.moreau', 'Hunter2', 'quels rôles', 'Julien Moreau']) assert.ok(!all.includes(secret), `${secret} must not be sent`);
  });
});
