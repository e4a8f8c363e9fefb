import { ConfigError, loadConfig } from './config';
import { startBot } from './compositionRoot';
import { Logger } from './logger';

/** `npm run serve`: the bot alone, configured from the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = new Logger(config.logLevel, { service: 'bot' });
  if (config.source.fromEnvFile.length > 0) logger.info('settings read from .env', { variables: config.source.fromEnvFile });
  if (config.source.envFileIgnored) logger.warn("a .env file is present and was not read: in production the settings are the platform's alone");
  const bot = await startBot(config, logger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await bot.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`The bot could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
