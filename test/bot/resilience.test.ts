import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { projectPath } from '../../bot/host/paths';
import { teamsActivity } from '../support/activities';
import { useTestBot } from '../support/testBot';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls until `condition` holds (true) or `ms` pass (false). */
async function eventually(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return condition();
}

describe('Storage that heals, and health that tells the truth', function () {
  this.timeout(90000);
  const running = useTestBot();

  const readyz = async () => {
    const response = await fetch(`${running.bot.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; checks?: Record<string, string> } };
  };

  it('answers /readyz with 200 and each check when storage and Graph answer', async () => {
    assert.deepEqual(await readyz(), { status: 200, body: { status: 'ready', checks: { storage: 'ok', graph: 'ok' }, backlog: { audit: 0 } } });
  });

  it('when Azurite dies: turns fail fast with the honest message, /readyz says 503, and all works again once it is restarted', async () => {
    const pid = running.bot.bot.childProcesses().azurite!;
    process.kill(pid, 'SIGKILL');
    assert.ok(await eventually(() => !alive(pid), 5000), 'Azurite was killed');

    const started = Date.now();
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
    const took = Date.now() - started;
    const answer = running.capture.texts().join(' ');
    if (!/enregistrer les données/.test(answer)) {
      // Azurite may already be back (it restarts within a second): then the turn simply works.
      assert.equal(running.capture.cards().length, 1, `either the storage message or the answer, got: ${answer}`);
    }
    assert.ok(took < 15000, `the turn ended in ${took} ms, not after half a minute`);

    assert.ok(await eventually(() => ![pid, undefined].includes(running.bot.bot.childProcesses().azurite), 30000), 'a new Azurite process runs');
    assert.ok(await eventually(async () => (await readyz()).status === 200, 30000), '/readyz is 200 again once Azurite is back');
    running.capture.clear();
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
    assert.match(JSON.stringify(running.capture.cards()[0]), /Licences de Lumière & Fils/, 'the same bot answers again, not restarted');
  });

  it('while storage is down, /readyz answers 503 naming storage, without internal detail', async () => {
    const pid = running.bot.bot.childProcesses().azurite!;
    process.kill(pid, 'SIGSTOP'); // hung, not dead: the worst case for a client
    try {
      await new Promise((resolve) => setTimeout(resolve, 3100)); // past the readiness cache
      const started = Date.now();
      const { status, body } = await readyz();
      assert.equal(status, 503);
      assert.deepEqual(body, { status: 'unavailable', checks: { storage: 'unavailable', graph: 'ok' }, backlog: { audit: 0 } });
      assert.ok(Date.now() - started < 10000, 'the probe has a deadline');
      running.capture.clear();
      const turnStarted = Date.now();
      await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
      assert.ok(Date.now() - turnStarted < 20000, 'a turn against a hung storage ends within seconds');
      assert.match(running.capture.texts().join(' '), /enregistrer les données/);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    assert.ok(await eventually(async () => (await readyz()).status === 200, 30000));
  });

  it('restarts the demo tenant too when it dies, on the same address', async () => {
    const pid = running.bot.bot.childProcesses().demoTenant!;
    process.kill(pid, 'SIGKILL');
    assert.ok(await eventually(() => running.bot.bot.childProcesses().demoTenant !== pid && running.bot.bot.childProcesses().demoTenant !== undefined, 30000));
    assert.ok(await eventually(async () => (await readyz()).status === 200, 30000));
    await running.bot.post(teamsActivity(running.capture.url, { text: 'licences' }));
    assert.match(JSON.stringify(running.capture.cards().pop()), /Licences de Lumière & Fils/);
  });
});

describe('Child processes never outlive the bot', function () {
  this.timeout(90000);

  it('when the bot process is killed, its demo tenant and Azurite exit too', async () => {
    const bot = spawn(process.execPath, [projectPath('dist', 'bot', 'host', 'main.js')], {
      env: { ...process.env, PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      assert.ok(await eventually(() => output.includes('"msg":"ready"'), 60000), `the bot started: ${output.slice(-500)}`);
      const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(bot.pid)], { encoding: 'utf8' })
        .split('\n')
        .map((line) => Number(line.trim()))
        .filter((pid) => pid > 0);
      assert.equal(children.length, 2, 'the demo tenant and Azurite');
      bot.kill('SIGKILL');
      assert.ok(await eventually(() => children.every((pid) => !alive(pid)), 15000), 'no orphan is left');
    } finally {
      if (bot.exitCode === null) bot.kill('SIGKILL');
    }
  });
});
