import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../bot/paths';
import { Logger } from '../bot/logger';
import { ChildService } from '../bot/process/childService';
import { loadSeed } from '../demo/server';

/**
 * `npm start`: the bot (with its demo tenant and embedded Azurite) and Microsoft 365 Agents Playground,
 * a local Teams-like chat client, connected together. Prints where to chat.
 *
 * DEMO_CHAT_USER=admin (default) chats as Camille Martin, Global Administrator of the demo tenant;
 * DEMO_CHAT_USER=user chats as Léa Petit, who holds no admin role, so refusals can be tried.
 */

const PLAYGROUND_VERSION_NOTE = '@microsoft/m365agentsplayground 0.2.28';

interface ChatUser {
  id: string;
  name: string;
  userPrincipleName: string; // sic: the playground's own key
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

function playgroundConfig(chatAs: 'admin' | 'user'): string {
  const seed = loadSeed();
  const person = (upn: string, index: number): ChatUser => {
    const u = seed.users.find((x) => x.userPrincipalName === upn);
    if (!u) throw new Error(`Demo user ${upn} is missing from the seed`);
    return {
      id: `user-id-${index}`,
      name: String(u.displayName),
      userPrincipleName: upn,
      aadObjectId: u.id,
      givenName: String(u.givenName),
      surname: String(u.surname),
      email: upn,
    };
  };
  const admin = 'camille.martin@lumiere-fils.fr';
  const ordinary = 'lea.petit@lumiere-fils.fr';
  const current = person(chatAs === 'admin' ? admin : ordinary, 0);
  const others = [chatAs === 'admin' ? ordinary : admin, 'julien.moreau@lumiere-fils.fr', 'nadia.benali@lumiere-fils.fr', 'julie.roux@lumiere-fils.fr', 'paul.fontaine@lumiere-fils.fr'].map(
    (upn, i) => person(upn, i + 1),
  );
  const user = (u: ChatUser, indent: string) =>
    Object.entries(u).map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${JSON.stringify(v)}`).join('\n');
  return [
    '# Written by `npm start`: the playground chats as a user of the demo tenant.',
    'version: "0.1.1"',
    `tenantId: ${seed.organization.id}`,
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000b07a',
    '  name: Assistant Admin 365',
    'currentUser:',
    ...Object.entries(current).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
    'users:',
    ...others.map((u) => user(u, '  ')),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    '  name: Équipe direction',
    'team:',
    '  id: team-lumiere',
    '  name: Lumière & Fils',
    `  aadGroupId: ${seed.groups[1].id}`,
    '  channels:',
    '    - id: channel-support-informatique',
    '      name: Support informatique',
    '',
  ].join('\n');
}

async function answers(url: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const env = process.env;
  const chatAs = (env.DEMO_CHAT_USER ?? 'admin').toLowerCase();
  if (chatAs !== 'admin' && chatAs !== 'user') throw new Error(`DEMO_CHAT_USER must be "admin" or "user", got "${env.DEMO_CHAT_USER}"`);
  const botPort = env.PORT ?? '3978';
  const playgroundPort = env.PLAYGROUND_PORT ?? '56150';
  const logger = new Logger('info', { service: 'start' });

  const bot = await ChildService.start({
    name: 'Bot',
    script: projectPath('dist', 'bot', 'main.js'),
    nodeArgs: ['--disable-warning=DEP0111'],
    env: { PORT: botPort, AZURITE_LOCATION: env.AZURITE_LOCATION ?? projectPath('.local', 'azurite') },
    readyLine: /"msg":"ready"/,
    timeoutMs: 60000,
    logger,
    echo: true,
  });

  const workDir = projectPath('.local', 'playground');
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, '.m365agentsplayground.yml'), playgroundConfig(chatAs as 'admin' | 'user'));
  let playground: { service: ChildService; matches: RegExpMatchArray[] };
  try {
    playground = await ChildService.start({
      name: 'Agents Playground',
      script: require.resolve('@microsoft/m365agentsplayground/cli.js'),
      args: ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--dt'],
      cwd: workDir,
      env: {
        APPLICATION_INSIGHTS_NO_STATSBEAT: '1', // or its telemetry tries an Azure address
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, 'playground.log'),
      },
      readyLine: /Listening on\D*(\d+)/,
      timeoutMs: 60000,
      logger,
    });
  } catch (error) {
    await bot.service.stop();
    throw error;
  }
  const chatPort = playground.matches[0][1];
  // It prints "Listening on" before it reads its configuration: wait until it really answers.
  if (!(await answers(`http://127.0.0.1:${chatPort}/_debug/ping`, 20000))) {
    await playground.service.stop();
    await bot.service.stop();
    throw new Error(`Agents Playground did not answer on port ${chatPort}; see ${join(workDir, 'playground.log')}`);
  }
  process.stdout.write(
    [
      '',
      '  Assistant Admin 365 is running with the demo tenant "Lumière & Fils".',
      `  Chat with it:      http://localhost:${chatPort}   (${PLAYGROUND_VERSION_NOTE}, a local Teams-like client)`,
      `  You are:           ${chatAs === 'admin' ? 'Camille Martin, Global Administrator' : 'Léa Petit, no admin role'} (DEMO_CHAT_USER=${chatAs === 'admin' ? 'user' : 'admin'} to switch)`,
      `  Bot endpoint:      http://127.0.0.1:${botPort}/api/messages`,
      '  Try: « licences »  ·  "licenses"  ·  « aide »',
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
