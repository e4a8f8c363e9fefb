import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { GRAPH_REQUESTS } from '../../bot/features';
import { projectPath } from '../../bot/host/paths';

interface PermissionMap {
  permissions: Record<string, { pathSets?: { schemeKeys: string[]; methods: string[]; paths: Record<string, string> }[] }>;
}

/** The Graph calls written anywhere in bot/: this.graph.get('/path…'), getAll, post, patch, delete. */
function callsInSource(): { method: string; path: string; file: string }[] {
  const dir = projectPath('bot');
  const verbs: Record<string, string> = { get: 'GET', getAll: 'GET', post: 'POST', patch: 'PATCH', delete: 'DELETE' };
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) =>
      [
        ...[...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/this\.graph\.(getAll|get|post|patch|delete)(?:<[^>]*>)?\(\s*[`'"]([^`'"?]+)/g)].map((m) => ({
          method: verbs[m[1]],
          path: m[2],
        })),
        ...[...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/this\.graph\.send(?:<[^>]*>)?\(\s*'(POST|PATCH|DELETE)',\s*[`'"]([^`'"?]+)/g)].map((m) => ({
          method: m[1],
          path: m[2],
        })),
      ].map((call) => ({ ...call, path: call.path.replace(/\$\{[^}]+\}/g, '{id}'), file })),
    );
}

describe('Graph permissions', () => {
  const map = JSON.parse(gunzipSync(readFileSync(projectPath('test', 'vendor', 'graph', 'permissions.json.gz'))).toString('utf8')) as PermissionMap;

  it('every Graph call in the services is declared in GRAPH_REQUESTS', () => {
    const calls = callsInSource();
    assert.ok(calls.length >= 2, 'the scan finds the calls');
    const undeclared = calls.filter((c) => !GRAPH_REQUESTS.some((r) => r.method === c.method && r.path.toLowerCase() === c.path.toLowerCase()));
    assert.deepEqual(undeclared, []);
  });

  it("each declared permission grants its request to an application, by Microsoft's own map", () => {
    // $batch has no permission of its own: each request inside is checked as if sent alone.
    const wrong = GRAPH_REQUESTS.filter((request) => request.path !== '/$batch').filter((request) => {
      const sets = map.permissions[request.permission]?.pathSets ?? [];
      return !sets.some((s) => s.schemeKeys.includes('Application') && s.methods.includes(request.method) && request.path.toLowerCase() in s.paths);
    });
    assert.deepEqual(wrong, []);
  });

  it('the README lists every permission the bot needs', () => {
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    const missing = [...new Set(GRAPH_REQUESTS.map((r) => r.permission))].filter((p) => !readme.includes(p));
    assert.deepEqual(missing, []);
  });
});
