import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { projectPath } from '../bot/host/paths';
import { Logger } from '../bot/host/logger';
import { ChildService } from '../bot/host/process/childService';

/** What the benches share: a stand-in Bot Framework connector, a load of turns, the bot in its own process, its RSS. */

export interface Connector {
  url: string;
  /** The latest confirmation card's data of each conversation. */
  confirmations: Map<string, Record<string, string>>;
  /** Every text the bot sent, in order. */
  texts: string[];
  close(): void;
}

/** Plays the Bot Framework connector: answers every reply at once, and keeps the texts and each conversation's latest confirmation card. */
export function connector(): Promise<Connector> {
  const confirmations = new Map<string, Record<string, string>>();
  const texts: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      const body = Buffer.concat(chunks).toString('utf8');
      const activity = (body ? JSON.parse(body) : {}) as { text?: string; attachments?: { content: { actions?: { data?: Record<string, string> }[] } }[] };
      if (typeof activity.text === 'string') texts.push(activity.text);
      const data = activity.attachments?.[0]?.content?.actions?.find((a) => a.data?.confirm === 'yes')?.data;
      if (data) confirmations.set(conversation, data);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"r"}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, confirmations, texts, close: () => server.close() }),
    ),
  );
}

export interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 200. */
  errors: number;
}

/** Posts one activity; its status. */
export async function post(endpoint: string, activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Sends `total` measured turns, `concurrency` conversations at a time, each made by `turn`. A turn
 * may need one sent before it (`prepare`: asking, before the confirmation is clicked): it is sent
 * and counted in the rate, but its latency is not measured. `strict`: a status other than 200 stops the load.
 */
export async function load(
  endpoint: string,
  total: number,
  concurrency: number,
  turn: (conversation: number, i: number) => Record<string, unknown>,
  prepare?: (conversation: number, i: number) => Record<string, unknown>,
  strict = true,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let sent = 0;
  let errors = 0;
  const send = async (activity: Record<string, unknown>) => {
    const status = await post(endpoint, activity);
    if (status !== 200) {
      if (strict) throw new Error(`${endpoint} answered ${status}`);
      errors++;
    }
    sent++;
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, conversation) => {
      while (next < total) {
        const i = next++;
        if (prepare) await send(prepare(conversation, i));
        const t = performance.now();
        await send(turn(conversation, i));
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: sent / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/** Starts the whole bot in its own process (demo tenant, embedded Azurite), with dialogs kept in `stateStore`. */
export function startBotProcess(stateStore: 'storage' | 'memory', logger: Logger, nodeArgs: string[] = []) {
  return ChildService.start({
    name: `Bot (${stateStore} state)`,
    script: projectPath('dist', 'bot', 'host', 'main.js'),
    env: { PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test', STATE_STORE: stateStore },
    nodeArgs,
    readyLine: /"msg":"ready".*?"port":(\d+)/,
    timeoutMs: 60000,
    logger,
  });
}

/** A process's resident memory, in MB. */
export function rss(pid: number | undefined): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** `node dist/scripts/….js` run by hand takes the machine's Node (20 here), not the project's 24. */
export function requireNode24(script: string): void {
  if (Number(process.versions.node.split('.')[0]) < 24) throw new Error(`Node ${process.versions.node}: run it with \`npm run ${script}\` (Node 24)`);
}
