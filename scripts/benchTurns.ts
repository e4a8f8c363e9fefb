import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { projectPath } from '../bot/host/paths';
import { loadBenchSettings } from '../bot/host/config';
import { Logger } from '../bot/host/logger';
import { ChildService } from '../bot/host/process/childService';
import { teamsActivity } from '../test/support/activities';
import { ADMIN } from '../test/support/fixtures';

/**
 * `npm run bench:turns`: turns per second and p50/p99 of realistic turns (« aide », « combien de
 * licences il nous reste ? », a licence confirmation) over 16 concurrent conversations, against
 * the whole bot (its own process: demo tenant, embedded Azurite state) and, in the same run, a
 * bare botbuilder echo bot: the ratio is the figure. Then the bot's RSS after 1 000 conversations.
 */
const CONCURRENCY = 16;
const { passes } = loadBenchSettings();
const TURNS = passes * 20;

/** Plays the Bot Framework connector: answers every reply at once. */
function connector(): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })),
  );
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

/** Sends `total` turns, `CONCURRENCY` conversations at a time, each turn made by `turn(conversation, i)`. */
async function load(endpoint: string, total: number, turn: (conversation: number, i: number) => Promise<Record<string, unknown>>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, conversation) => {
      while (next < total) {
        const i = next++;
        const body = JSON.stringify(await turn(conversation, i));
        const t = performance.now();
        const response = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${endpoint} answered ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: total / seconds, p50: at(0.5), p99: at(0.99) };
}

const show = (name: string, f: Figures, echo: Figures) =>
  process.stdout.write(
    `  ${name.padEnd(34)} ${f.perSecond.toFixed(0).padStart(5)} turns/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  ×${(f.perSecond / echo.perSecond).toFixed(2)} of the echo bot\n`,
  );

async function main(): Promise<void> {
  const reply = await connector();
  const quiet = new Logger('error', {}, () => {});
  const echo = await ChildService.start({
    name: 'Echo bot',
    script: projectPath('dist', 'scripts', 'echoBot.js'),
    readyLine: /listening on (\d+)/,
    logger: quiet,
  });
  const bot = await ChildService.start({
    name: 'Bot',
    script: projectPath('dist', 'bot', 'host', 'main.js'),
    env: { PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test' },
    readyLine: /"msg":"ready".*?"port":(\d+)/,
    timeoutMs: 60000,
    logger: quiet,
  });
  const botEndpoint = `http://127.0.0.1:${bot.matches[0][1]}/api/messages`;
  const echoEndpoint = `http://127.0.0.1:${echo.matches[0][1]}/api/messages`;
  try {
    const from = { id: '29:bench', name: 'Camille Martin', aadObjectId: ADMIN.id };
    const message = (conversation: number, text: string, value?: object) =>
      teamsActivity(reply.url, { text, value, from, conversation: { id: `a:bench-${conversation}`, conversationType: 'personal' } });
    // Warm both up (the recognizer, the role cache, the storage containers), then measure.
    await load(echoEndpoint, 200, async (c) => message(c, 'hello'));
    await load(botEndpoint, 100, async (c) => message(c, 'aide'));
    const echoFigures = await load(echoEndpoint, TURNS, async (c) => message(c, 'hello'));
    process.stdout.write(`bench:turns — ${CONCURRENCY} concurrent conversations, ${TURNS} turns each run, Node ${process.versions.node}\n`);
    show('echo bot (botbuilder, no state)', echoFigures, echoFigures);
    show('« aide » (Azurite state)', await load(botEndpoint, TURNS, async (c) => message(c, 'aide')), echoFigures);
    show('« combien de licences… » (Azurite)', await load(botEndpoint, TURNS, async (c) => message(c, 'combien de licences il nous reste ?')), echoFigures);
    process.stdout.write(`  (the confirmation turn and the in-memory state run are not measured yet)\n`);
    await load(botEndpoint, 1000, async (_, i) => message(10000 + i, 'aide'));
    const rss = execFileSync('ps', ['-o', 'rss=', '-p', String(bot.service.pid)], { encoding: 'utf8' });
    process.stdout.write(`  RSS of the bot after 1 000 more conversations: ${(Number(rss.trim()) / 1024).toFixed(0)} MB\n`);
  } finally {
    await echo.service.stop();
    await bot.service.stop();
    reply.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:turns failed: ${(error as Error).message}\n`);
  process.exit(1);
});
