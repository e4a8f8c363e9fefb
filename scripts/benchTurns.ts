import { projectPath } from '../bot/host/paths';
import { loadBenchSettings } from '../bot/host/config';
import { Logger } from '../bot/host/logger';
import { ChildService } from '../bot/host/process/childService';
import { teamsActivity } from '../test/support/activities';
import { ADMIN } from '../test/support/fixtures';
import { connector, Figures, load as loadTurns, requireNode24, rss, startBotProcess } from './benchSupport';

/**
 * `npm run bench:turns`: turns per second and p50/p99 of realistic turns (« aide », « combien de
 * licences il nous reste ? », a password reset confirmed on its card) over 16 concurrent
 * conversations, against the whole bot (its own process: demo tenant, embedded Azurite) with its
 * dialogs in Azurite then in memory, and, in the same run, a bare botbuilder echo bot measured
 * before and after the bot (the mean is the reference): the ratio is the figure. Each is warmed up
 * (3 000 turns) before it is measured: a cold echo bot runs at half its speed, which flatters the
 * ratio. Then the bot's RSS after 1 000 more conversations, and the echo bot's after as many. Goals: ≥ 0.5× the echo bot with
 * storage state, ≥ 0.8× in memory, ≤ 150 MB.
 */
const CONCURRENCY = 16;
/** Node's options for the bot, as `npm run serve` and App Service run it (none). */
const BOT_NODE_ARGS: string[] = [];
const { passes } = loadBenchSettings();
/** Measured turns a run (1 200 by default), after as many warm-up turns: a short run measures the JIT warming up, not the bot. */
const TURNS = passes * 60;
const WARM_UP = 3000;

/** Turns at CONCURRENCY conversations at a time; any answer other than 200 stops the bench. */
const load = (
  endpoint: string,
  total: number,
  turn: (conversation: number, i: number) => Record<string, unknown>,
  prepare?: (conversation: number, i: number) => Record<string, unknown>,
) => loadTurns(endpoint, total, CONCURRENCY, turn, prepare);

const line = (name: string, f: Figures, echo: number) =>
  `  ${name.padEnd(52)} ${f.perSecond.toFixed(0).padStart(5)} turns/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  ×${(f.perSecond / echo).toFixed(2)} of the echo bot\n`;

async function main(): Promise<void> {
  requireNode24('bench:turns');
  const reply = await connector();
  const quiet = new Logger('error', {}, () => {});
  const echo = await ChildService.start({
    name: 'Echo bot',
    script: projectPath('dist', 'scripts', 'echoBot.js'),
    readyLine: /listening on (\d+)/,
    logger: quiet,
  });
  const echoEndpoint = `http://127.0.0.1:${echo.matches[0][1]}/api/messages`;
  const from = { id: '29:bench', name: 'Camille Martin', aadObjectId: ADMIN.id };
  let run = 0;
  const message = (conversation: string, text: string, value?: object) =>
    teamsActivity(reply.url, { text, value, from, conversation: { id: conversation, conversationType: 'personal' } });
  const results: { name: string; figures: Figures }[] = [];
  let rssLine = '';
  try {
    const echoTurns = () => load(echoEndpoint, TURNS, (c) => message(`a:echo-${c}`, 'hello'));
    await load(echoEndpoint, WARM_UP, (c) => message(`a:echo-${c}`, 'hello'));
    // The echo bot is measured before and after the bot, and its mean is the reference: the machine drifts in a minute.
    const echoBefore = await echoTurns();
    for (const stateStore of ['storage', 'memory'] as const) {
      const bot = await startBotProcess(stateStore, quiet, BOT_NODE_ARGS);
      const endpoint = `http://127.0.0.1:${bot.matches[0][1]}/api/messages`;
      const label = stateStore === 'storage' ? 'Azurite state' : 'in-memory state';
      try {
        const chat = (c: number) => `a:bench-${stateStore}-${run}-${c}`;
        // Warm up every path measured (the JIT, the recognizer, the role cache, the storage containers), then measure.
        const ask = (c: number) => message(chat(c), 'réinitialise le mot de passe de Léa Petit');
        const click = (c: number) => message(chat(c), '', reply.confirmations.get(chat(c)));
        await load(endpoint, WARM_UP / 3, (c) => message(chat(c), 'aide'));
        await load(endpoint, WARM_UP / 3, (c) => message(chat(c), 'combien de licences il nous reste ?'));
        await load(endpoint, WARM_UP / 6, click, ask);
        results.push({ name: `« aide » (${label})`, figures: await load(endpoint, TURNS, (c) => message(chat(c), 'aide')) });
        results.push({
          name: `« combien de licences… » (${label})`,
          figures: await load(endpoint, TURNS, (c) => message(chat(c), 'combien de licences il nous reste ?')),
        });
        // A confirmation: « réinitialise le mot de passe de Léa Petit » asked (sent, not measured), then Confirm clicked (measured).
        const confirm = await load(endpoint, TURNS, click, ask);
        results.push({ name: `a confirmation, asked then clicked (${label})`, figures: confirm });
        if (stateStore === 'storage') {
          await load(endpoint, 1000, (_, i) => message(`a:bench-rss-${i}`, 'aide'));
          rssLine = `  RSS of the bot after 1 000 more conversations: ${rss(bot.service.pid).toFixed(0)} MB (goal ≤ 150 MB)\n`;
        }
      } finally {
        await bot.service.stop();
        run++;
      }
    }
    const echoAfter = await echoTurns();
    const echoRate = (echoBefore.perSecond + echoAfter.perSecond) / 2;
    // The same RSS for the bare echo bot, after the same 1 000 conversations: what Node and botbuilder take alone under this load.
    await load(echoEndpoint, 1000, (_, i) => message(`a:echo-rss-${i}`, 'hello'));
    rssLine += `  RSS of the echo bot after as many conversations: ${rss(echo.service.pid).toFixed(0)} MB\n`;
    process.stdout.write(
      `bench:turns — ${CONCURRENCY} concurrent conversations, ${TURNS} measured turns a run after ${WARM_UP} to warm up, Node ${process.versions.node}\n`,
    );
    process.stdout.write(line('echo bot (botbuilder, no state), before', echoBefore, echoRate));
    process.stdout.write(line('echo bot, after', echoAfter, echoRate));
    for (const { name, figures } of results) process.stdout.write(line(name, figures, echoRate));
    process.stdout.write(rssLine);
  } finally {
    await echo.service.stop();
    reply.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:turns failed: ${(error as Error).message}\n`);
  process.exit(1);
});
