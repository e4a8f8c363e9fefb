import { projectPath } from '../bot/host/paths';
import { loadLauncherSettings } from '../bot/host/config';
import { Logger } from '../bot/host/logger';
import { ChildService } from '../bot/host/process/childService';
import { ChatAs, startPlayground } from './playground';

/**
 * `npm start`: the bot (with its demo tenant and embedded Azurite) and Microsoft 365 Agents Playground,
 * a local Teams-like chat client, connected together. Prints where to chat.
 *
 * DEMO_CHAT_USER=admin (default) chats as Camille Martin, Global Administrator of the demo tenant;
 * DEMO_CHAT_USER=user chats as Léa Petit, who holds no admin role, so refusals can be tried.
 */
async function main(): Promise<void> {
  const { chatAs, botPort, playgroundPort, azuriteLocation } = loadLauncherSettings();
  const logger = new Logger('info', { service: 'start' });

  const bot = await ChildService.start({
    name: 'Bot',
    script: projectPath('dist', 'bot', 'host', 'main.js'),
    env: { PORT: String(botPort), AZURITE_LOCATION: azuriteLocation || projectPath('.local', 'azurite') },
    readyLine: /"msg":"ready"/,
    timeoutMs: 60000,
    logger,
    echo: true,
  });
  let playground: Awaited<ReturnType<typeof startPlayground>>;
  try {
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: playgroundPort,
      workDir: projectPath('.local', 'playground'),
      chatAs: chatAs as ChatAs,
      logger,
    });
  } catch (error) {
    await bot.service.stop();
    throw error;
  }
  process.stdout.write(
    [
      '',
      '  Assistant Admin 365 is running with the demo tenant "Lumière & Fils".',
      `  Chat with it:      ${playground.url}   (Microsoft 365 Agents Playground, a local Teams-like client)`,
      `  You are:           ${chatAs === 'admin' ? 'Camille Martin, Global Administrator' : 'Léa Petit, no admin role'} (DEMO_CHAT_USER=${chatAs === 'admin' ? 'user' : 'admin'} to switch)`,
      `  Bot endpoint:      http://127.0.0.1:${botPort}/api/messages`,
      '  Try: « combien de licences il nous reste ? »  ·  « quels rôles a Julie ? »  ·  "licenses"  ·  « aide »',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await playground.service.stop();
    await bot.service.stop();
    process.exit(code);
  };
  bot.service.onUnexpectedExit(() => void stop(1));
  playground.service.onUnexpectedExit(() => void stop(1));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
