import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The baseline of `npm run bench:turns`: a bare botbuilder echo bot (CloudAdapter on restify, no
 * state, no middleware), unauthenticated like the local bot. Prints "listening on <port>".
 */
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text}`);
  await next();
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => adapter.process(req, res, (context) => bot.run(context)));
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on ${(server.address() as { port: number }).port}\n`));
