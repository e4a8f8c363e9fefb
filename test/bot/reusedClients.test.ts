import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BotFrameworkAuthentication, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { ReusedClientsAuthentication } from '../../bot/host/reusedClients';

const activity = (serviceUrl: string) => ({ type: 'message', serviceUrl, channelId: 'msteams' }) as Activity;

describe('Outbound Bot Framework clients', () => {
  // Authentication disabled (no app id), as the local bot runs: every request gets the same anonymous identity.
  const auth = () => new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}));

  it('are made once for turns that reply to the same service URL', async () => {
    const reused = auth();
    const first = await reused.authenticateRequest(activity('https://smba.example/emea/'), '');
    const second = await reused.authenticateRequest(activity('https://smba.example/emea/'), '');
    const a = await first.connectorFactory!.create('https://smba.example/emea/', first.audience);
    const b = await second.connectorFactory!.create('https://smba.example/emea/', second.audience);
    assert.ok(a instanceof ConnectorClient);
    assert.equal(a, b);
  });

  it('are distinct for another service URL, each speaking to its own', async () => {
    const reused = auth();
    const { connectorFactory, audience } = await reused.authenticateRequest(activity('https://smba.example/emea/'), '');
    const emea = await connectorFactory!.create('https://smba.example/emea/', audience);
    const amer = await connectorFactory!.create('https://smba.example/amer/', audience);
    assert.notEqual(emea, amer);
    const baseUri = (client: ConnectorClient) => (client as unknown as { baseUri: string }).baseUri;
    assert.equal(baseUri(emea), 'https://smba.example/emea/');
    assert.equal(baseUri(amer), 'https://smba.example/amer/');
  });

  it('give every turn the same user-token client', async () => {
    const reused = auth();
    const { claimsIdentity } = await reused.authenticateRequest(activity('https://smba.example/emea/'), '');
    assert.equal(await reused.createUserTokenClient(claimsIdentity), await reused.createUserTokenClient(claimsIdentity));
  });

  it('are made again after a client could not be made (credentials unreachable)', async () => {
    const inner = new ConfigurationBotFrameworkAuthentication({});
    const client = await inner
      .createConnectorFactory((await inner.authenticateRequest(activity('https://x.example/'), '')).claimsIdentity)
      .create('https://x.example/');
    const create = sinon.stub().onFirstCall().rejects(new Error('token endpoint unreachable')).resolves(client);
    const failingOnce = {
      authenticateRequest: (a: Activity, h: string) => inner.authenticateRequest(a, h),
      createConnectorFactory: () => ({ create }) as unknown as ConnectorFactory,
    } as unknown as BotFrameworkAuthentication;
    const reused = new ReusedClientsAuthentication(failingOnce);
    const { connectorFactory } = await reused.authenticateRequest(activity('https://x.example/'), '');
    await assert.rejects(connectorFactory!.create('https://x.example/'), /unreachable/);
    assert.equal(await connectorFactory!.create('https://x.example/'), client);
    assert.equal(create.callCount, 2);
  });

  it('leave authentication to the Bot Framework: a refused token is still refused', async () => {
    const refusing = { authenticateRequest: sinon.stub().rejects(new Error('Unauthorized')) } as unknown as BotFrameworkAuthentication;
    await assert.rejects(new ReusedClientsAuthentication(refusing).authenticateRequest(activity('https://x.example/'), 'Bearer x'), /Unauthorized/);
  });
});
