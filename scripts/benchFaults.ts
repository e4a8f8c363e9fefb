import { performance } from 'node:perf_hooks';
import { Logger } from '../bot/host/logger';
import { readFileSync } from 'node:fs';
import { projectPath } from '../bot/host/paths';
import { memoryFileOf } from './collectOnSignal';
import { teamsActivity } from '../test/support/activities';
import { ADMIN } from '../test/support/fixtures';
import { connector, load, post, requireNode24, rss, startBotProcess } from './benchSupport';

/**
 * `npm run bench:faults`: the bot under load and abuse, in its own process (demo tenant, embedded
 * Azurite, dialogs in Azurite). 50 conversations × 20 messages each (help, the inventory, a reset
 * asked then confirmed on its card): how many answers were not 200 and how many replies were an
 * error message (goal: none), and the bot's RSS before, right after and 10 s after the load (goal:
 * back within 20 % of where it started). Then three 900 KB messages posted at once beside another
 * user's « aide »: how long « aide » waits (it waited 3.4 s when long messages were read whole).
 * Printed beside the goals, never asserted: a busy machine moves the figures.
 */
const CONVERSATIONS = 50;
const MESSAGES = 20;
/** What an error reply starts with, in either language. */
const ERROR_REPLY = /ne répond pas|inattendu|Je n'ai pas pu enregistrer|didn't respond|unexpected|couldn't save/;

async function main(): Promise<void> {
  requireNode24('bench:faults');
  const reply = await connector();
  const bot = await startBotProcess('storage', new Logger('error', {}, () => {}), [
    '--expose-gc',
    '--require',
    projectPath('dist', 'scripts', 'collectOnSignal.js'),
  ]);
  /** The bot's RSS, then its RSS and heap after a full garbage collection, in MB. */
  const memory = async () => {
    const now = rss(bot.service.pid);
    process.kill(bot.service.pid!, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const usage = JSON.parse(readFileSync(memoryFileOf(bot.service.pid!), 'utf8')) as { heapUsed: number; heapTotal: number; external: number };
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return { now, kept: rss(bot.service.pid), heap: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal), external: mb(usage.external) };
  };
  const endpoint = `http://127.0.0.1:${bot.matches[0][1]}/api/messages`;
  const from = { id: '29:bench', name: 'Camille Martin', aadObjectId: ADMIN.id };
  const message = (conversation: string, text: string, value?: object) =>
    teamsActivity(reply.url, { text, value, from, conversation: { id: conversation, conversationType: 'personal' }, attachments: [] });
  try {
    // Warm up, then the memory it starts from.
    await load(endpoint, 200, 10, (c) => message(`a:warm-${c}`, 'aide'));
    const before = await memory();
    reply.texts.length = 0;
    const words = ['aide', 'combien de licences il nous reste ?'];
    const chat = (c: number) => `a:faults-${c}`;
    const figures = await load(
      endpoint,
      CONVERSATIONS * MESSAGES,
      CONVERSATIONS,
      (c, i) => (i % 5 === 4 ? message(chat(c), '', reply.confirmations.get(chat(c))) : message(chat(c), words[i % 2])),
      (c, i) => message(chat(c), i % 5 === 4 ? 'réinitialise le mot de passe de Léa Petit' : 'merci'),
      false,
    );
    const errorReplies = reply.texts.filter((t) => ERROR_REPLY.test(t)).length;
    const after = await memory();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const settled = await memory();

    // Three 900 KB messages at once, beside someone else's « aide ».
    const huge = 'licence '.repeat(115_000);
    const started = performance.now();
    const hugeOnes = Promise.all([0, 1, 2].map((k) => post(endpoint, message(`a:huge-${k}`, huge))));
    const aide = post(endpoint, message('a:beside-huge', 'aide')).then(() => performance.now() - started);
    const [statuses, aideMs] = await Promise.all([hugeOnes, aide]);

    const within = Math.abs(settled.kept - before.kept) / before.kept <= 0.2;
    process.stdout.write(
      `bench:faults — ${CONVERSATIONS} conversations × ${MESSAGES} messages (and as many asked before each), Node ${process.versions.node}\n`,
    );
    process.stdout.write(`  turns: ${figures.perSecond.toFixed(0)}/s, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms\n`);
    process.stdout.write(`  answers other than 200: ${figures.errors} (goal 0); error replies: ${errorReplies} of ${reply.texts.length} texts (goal 0)\n`);
    process.stdout.write(
      `  RSS: ${before.now.toFixed(0)} MB before, ${after.now.toFixed(0)} MB right after, ${settled.now.toFixed(0)} MB 10 s later (${settled.kept.toFixed(0)} MB after a full GC; goal: within 20 % of before: ${within ? 'yes' : 'no'})\n`,
    );
    process.stdout.write(
      `  after a full GC, heap used / heap reserved / external: ${before.heap.toFixed(0)} / ${before.heapTotal.toFixed(0)} / ${before.external.toFixed(0)} MB before, ${settled.heap.toFixed(0)} / ${settled.heapTotal.toFixed(0)} / ${settled.external.toFixed(0)} MB 10 s after the load (the heap used is what the bot keeps)\n`,
    );
    process.stdout.write(`  three 900 KB messages at once (answered ${statuses.join(', ')}): another user's « aide » answered in ${aideMs.toFixed(0)} ms\n`);
  } finally {
    await bot.service.stop();
    reply.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:faults failed: ${(error as Error).message}\n`);
  process.exit(1);
});
