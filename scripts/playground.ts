import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '../bot/host/logger';
import { ChildService } from '../bot/host/process/childService';
import { loadSeed } from '../demo/server';

/**
 * Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, pinned), the local Teams-like
 * chat client, configured so that its users are the demo tenant's: the chat user's Entra object id
 * and tenant are real ones there, so the bot's tenant check and role checks work in the playground.
 */

export type ChatAs = 'admin' | 'user';

interface ChatUser {
  id: string;
  name: string;
  userPrincipleName: string; // sic: the playground's own key
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export function playgroundConfig(chatAs: ChatAs): string {
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
  const others = [
    chatAs === 'admin' ? ordinary : admin,
    'julien.moreau@lumiere-fils.fr',
    'nadia.benali@lumiere-fils.fr',
    'julie.roux@lumiere-fils.fr',
    'paul.fontaine@lumiere-fils.fr',
  ].map((upn, i) => person(upn, i + 1));
  const user = (u: ChatUser, indent: string) =>
    Object.entries(u)
      .map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${JSON.stringify(v)}`)
      .join('\n');
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

/** Starts the playground in `workDir` (it writes its log there), connected to the bot's endpoint. Resolves once it answers. */
export async function startPlayground(options: {
  botEndpoint: string;
  port: number;
  workDir: string;
  chatAs: ChatAs;
  logger: Logger;
}): Promise<{ service: ChildService; url: string }> {
  mkdirSync(options.workDir, { recursive: true });
  writeFileSync(join(options.workDir, '.m365agentsplayground.yml'), playgroundConfig(options.chatAs));
  const { service, matches } = await ChildService.start({
    name: 'Agents Playground',
    script: require.resolve('@microsoft/m365agentsplayground/cli.js'),
    args: ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--dt'],
    cwd: options.workDir,
    env: {
      APPLICATION_INSIGHTS_NO_STATSBEAT: '1', // or its telemetry tries an Azure address
      TEAMSAPPTESTER_BROWSER: 'none',
      TZ: 'Europe/Paris', // the time zone it sends (localTimezone): the demo company's
      M365_AGENTS_PLAYGROUND_LOGFILE: join(options.workDir, 'playground.log'),
    },
    readyLine: /Listening on\D*(\d+)/,
    timeoutMs: 60000,
    logger: options.logger,
  });
  const port = matches[0][1];
  // It prints "Listening on" before it reads its configuration: wait until it really answers.
  if (!(await answers(`http://127.0.0.1:${port}/_debug/ping`, 20000))) {
    await service.stop();
    throw new Error(`Agents Playground did not answer on port ${port}; see ${join(options.workDir, 'playground.log')}`);
  }
  return { service, url: `http://localhost:${port}` };
}
