import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../bot/host/paths';
import { teamsActivity } from '../support/activities';
import { CaptureServer } from '../support/captureServer';

/** Starts a built entry point and resolves with the first output line matching `ready`. */
function startProcess(script: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, [projectPath('dist', ...script.split('/'))], {
    env: { PATH: process.env.PATH, ...env },
    cwd: projectPath('test'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const readyLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (ready.test(line)) resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${lines.join('\n')}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, readyLine, exited };
}

describe('`npm run demo-tenant` as a process', function () {
  this.timeout(30000);

  it('serves Graph on the given port and stops on SIGTERM', async () => {
    const demo = startProcess('demo/main.js', { DEMO_GRAPH_PORT: '0' }, /listening at/);
    const url = /listening at (http:\/\/\S+)/.exec(await demo.readyLine)![1];
    const organization = (await (await fetch(`${url}/v1.0/organization`)).json()) as { value: { displayName: string }[] };
    assert.equal(organization.value[0].displayName, 'Lumière & Fils');
    demo.child.kill('SIGTERM');
    assert.equal(await demo.exited, 0);
  });

  it('refuses a DEMO_GRAPH_PORT that is not a port', async () => {
    const demo = startProcess('demo/main.js', { DEMO_GRAPH_PORT: 'abc' }, /listening at/);
    assert.equal(await demo.exited, 1);
    await assert.rejects(demo.readyLine);
  });
});

describe('`npm run serve` as a process', function () {
  this.timeout(60000);

  it('starts its demo tenant and storage, becomes ready, and shuts everything down on SIGTERM', async () => {
    const { child, lines, readyLine, exited } = startProcess('bot/host/main.js', { PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test' }, /"msg":"ready"/);
    const readyEntry = JSON.parse(await readyLine) as Record<string, unknown>;
    const health = await fetch(`http://127.0.0.1:${readyEntry.port}/healthz`);
    assert.equal(health.status, 200);
    const graph = String(readyEntry.graph);
    assert.equal((await fetch(`${graph}/v1.0/organization`)).status, 200);

    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(lines.some((l) => l.includes('"msg":"shutting down"')));
    await assert.rejects(fetch(`${graph}/v1.0/organization`), 'the demo tenant stopped with the bot');
  });

  it('on SIGTERM stops taking activities (503, /readyz first), lets the turn in progress finish and answer, then exits', async () => {
    const capture = await new CaptureServer().start();
    const { child, readyLine, exited } = startProcess('bot/host/main.js', { PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test' }, /"msg":"ready"/);
    try {
      const readyEntry = JSON.parse(await readyLine) as Record<string, unknown>;
      const bot = `http://127.0.0.1:${readyEntry.port}`;
      const post = (text: string) =>
        fetch(`${bot}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(teamsActivity(capture.url, { text })),
        });
      // Every Graph call now takes a second and a half: the turn is still running when the signal comes.
      await fetch(`${readyEntry.graph}/_demo/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: 1500 }) });
      const inProgress = post('combien de licences il nous reste ?');
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal((await fetch(`${bot}/readyz`)).status, 503, 'the platform is told first');
      assert.equal((await post('aide')).status, 503, 'a new activity is refused');
      assert.equal((await inProgress).status, 200, 'the turn in progress ends');
      assert.match(JSON.stringify(capture.cards()), /Business Basic/, 'and its answer was sent');
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
      await capture.close();
    }
  });

  it('killed with SIGKILL right after a write, keeps what it acknowledged: after a restart the audit shows it and the same Confirm does not act again', async () => {
    const capture = await new CaptureServer().start();
    const location = mkdtempSync(join(tmpdir(), 'azurite-kill-'));
    const env = { PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'development', AZURITE_LOCATION: location, LOG_LEVEL: 'info' };
    const chat = { id: 'a:camille-killed', conversationType: 'personal', tenantId: undefined as unknown as string };
    const post = (bot: string, fields: Record<string, unknown>) =>
      fetch(`${bot}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(teamsActivity(capture.url, { conversation: { ...chat, tenantId: undefined }, ...fields })),
      });
    const started: ReturnType<typeof startProcess>[] = [];
    const start = async () => {
      const running = startProcess('bot/host/main.js', env, /"msg":"ready"/);
      started.push(running);
      const ready = JSON.parse(await running.readyLine) as Record<string, unknown>;
      return { ...running, bot: `http://127.0.0.1:${ready.port}`, graph: String(ready.graph) };
    };
    try {
      const first = await start();
      await post(first.bot, { text: 'réinitialise le mot de passe de Léa Petit' });
      const confirm = capture.cards().find((c) => JSON.stringify(c).includes('Réinitialiser le mot de passe'));
      await post(first.bot, { text: '', value: confirm.actions[0].data });
      assert.match(JSON.stringify(capture.cards()), /Masquer le mot de passe/, 'the reset was done and shown');
      first.child.kill('SIGKILL'); // at once: well within Azurite's five seconds between saves
      assert.equal(await first.exited, null);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // its Azurite, told by the closed channel, saves and stops

      const second = await start();
      capture.clear();
      await post(second.bot, { text: '', value: confirm.actions[0].data });
      const patches = ((await (await fetch(`${second.graph}/_demo/requests`)).json()) as { requests: { method: string }[] }).requests.filter(
        (r) => r.method === 'PATCH',
      );
      assert.deepEqual(patches, [], 'the same Confirm did not reset the password again');
      assert.match(capture.texts().join(' '), /Cette carte a déjà servi/, 'and says why');
      capture.clear();
      await post(second.bot, { text: "journal d'audit" });
      assert.match(JSON.stringify(capture.cards()), /lea\.petit@lumiere-fils\.fr/, 'the audit kept the reset');
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    } finally {
      for (const running of started) running.child.kill('SIGKILL');
      await capture.close();
      rmSync(location, { recursive: true, force: true });
    }
  });
});

describe('The runtime', () => {
  it('is Node.js 24 LTS, the one package.json pins for every npm script', () => {
    assert.equal(process.versions.node.split('.')[0], '24');
  });
});
