import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { projectPath } from '../../bot/paths';

describe('`npm run serve` as a process', function () {
  this.timeout(60000);

  it('starts its demo tenant and storage, becomes ready, and shuts everything down on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', projectPath('dist', 'bot', 'main.js')], {
      env: { PATH: process.env.PATH, PORT: '0', DEMO_GRAPH_PORT: '0', NODE_ENV: 'test' },
      cwd: projectPath('test'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(line);
          if (line.includes('"msg":"ready"')) resolve(JSON.parse(line));
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${lines.join('\n')}`)));
    });
    const readyEntry = await ready;
    const health = await fetch(`http://127.0.0.1:${readyEntry.port}/healthz`);
    assert.equal(health.status, 200);
    const graph = String(readyEntry.graph);
    assert.equal((await fetch(`${graph}/v1.0/organization`)).status, 200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(lines.some((l) => l.includes('"msg":"shutting down"')));
    await assert.rejects(fetch(`${graph}/v1.0/organization`), 'the demo tenant stopped with the bot');
  });
});
