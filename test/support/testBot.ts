import { CaptureServer } from './captureServer';
import { readConfig } from '../../bot/host/config';
import { RunningBot, startBot } from '../../bot/host/compositionRoot';
import { Logger } from '../../bot/host/logger';

export interface TestBot {
  bot: RunningBot;
  url: string;
  logs: string[];
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
}

/**
 * The whole bot as `npm run serve` starts it (demo tenant process, in-memory Azurite, restify on a
 * free port), with its JSON log kept in memory for assertions.
 */
export async function startTestBot(env: Record<string, string> = {}): Promise<TestBot> {
  const logs: string[] = [];
  const config = readConfig({ PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test', GRAPH_MAX_RETRIES: '1', ...env });
  const bot = await startBot(config, new Logger('debug', {}, (line) => logs.push(line)));
  const url = `http://127.0.0.1:${bot.port}`;
  return {
    bot,
    url,
    logs,
    post: (activity, headers = {}) =>
      fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(activity) }),
  };
}

/** A bot and a capture server for one describe block: started before it, the capture emptied before each test, both closed after it. */
export function useTestBot(env: Record<string, string> = {}): { bot: TestBot; capture: CaptureServer } {
  const running = {} as { bot: TestBot; capture: CaptureServer };
  before(async () => {
    running.capture = await new CaptureServer().start();
    running.bot = await startTestBot(env);
  });
  beforeEach(() => running.capture.clear());
  after(async () => {
    await running.bot?.bot.close();
    await running.capture?.close();
  });
  return running;
}
