import assert from 'node:assert/strict';
import { DirectoryRoleService } from '../../bot/features/directory/directoryRoles';
import { GraphApi } from '../../bot/graph/graphApi';
import { GraphUnavailable } from '../../bot/policy/errors';

const USER = '11111111-2222-3333-4444-555555555555';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/** A directory where the user holds Global Administrator, counting the assignment reads; `failing` makes the next read fail. */
function directory() {
  const graph = {
    assignmentReads: 0,
    failing: false,
    async getAll(path: string) {
      if (path.startsWith('/roleManagement/directory/roleDefinitions')) return [{ id: GLOBAL_ADMIN, displayName: 'Global Administrator' }];
      graph.assignmentReads++;
      if (graph.failing) {
        graph.failing = false;
        throw new GraphUnavailable('reading your directory roles');
      }
      return path.includes(USER) ? [{ roleDefinitionId: GLOBAL_ADMIN }] : [];
    },
  };
  let clock = 0;
  const roles = new DirectoryRoleService(graph as unknown as GraphApi, 60_000, () => clock);
  return { graph, roles, later: (ms: number) => (clock += ms) };
}

describe('Directory roles of a caller', () => {
  it('are read from Entra, by name', async () => {
    assert.deepEqual(await directory().roles.rolesOf(USER), ['Global Administrator']);
  });

  it('are read once a minute at most for the same person', async () => {
    const { graph, roles, later } = directory();
    await roles.rolesOf(USER);
    later(30_000);
    await roles.rolesOf(USER);
    assert.equal(graph.assignmentReads, 1);
    later(30_000);
    await roles.rolesOf(USER);
    assert.equal(graph.assignmentReads, 2, 'a role removed in Entra counts within a minute');
  });

  it('are read from Entra now for a write at the click, whatever the cache holds, and the reads after it see them', async () => {
    const { graph, roles } = directory();
    await roles.rolesOf(USER);
    assert.deepEqual(await roles.currentRolesOf(USER), ['Global Administrator']);
    assert.equal(graph.assignmentReads, 2, 'read again a second after the first');
    await roles.rolesOf(USER);
    assert.equal(graph.assignmentReads, 2, 'and cached for the reads that follow');
  });

  it('are read again after a failed read, which is not remembered', async () => {
    const { graph, roles } = directory();
    graph.failing = true;
    await assert.rejects(roles.rolesOf(USER), GraphUnavailable);
    assert.deepEqual(await roles.rolesOf(USER), ['Global Administrator']);
  });

  it('are none for an id that is not an Entra object id, without asking Graph', async () => {
    const { graph, roles } = directory();
    assert.deepEqual(await roles.rolesOf("x' or 1 eq 1"), []);
    assert.equal(graph.assignmentReads, 0);
  });
});
