import assert from 'node:assert/strict';
import { temporaryPassword } from '../../bot/features/passwords/temporaryPassword';
import { mayResetPassword, rolesAbleToReset } from '../../bot/features/passwords/resetPolicy';
import { meetsComplexity } from '../../demo/passwords';

describe('Temporary passwords', () => {
  it("always meet Microsoft's complexity rules, with all four kinds of characters", () => {
    for (let i = 0; i < 500; i++) {
      const password = temporaryPassword();
      assert.equal(password.length, 16);
      assert.ok(meetsComplexity(password), password);
      for (const kind of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) assert.match(password, kind);
    }
  });

  it('never repeat and avoid characters people misread', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => temporaryPassword()));
    assert.equal(seen.size, 2000);
    assert.ok([...seen].every((p) => !/[0O1lI'"\\ ]/.test(p)));
  });
});

describe("Who may reset whose password (Entra's rules)", () => {
  const cases: [string[], string[], boolean][] = [
    [['Helpdesk Administrator'], [], true],
    [['Helpdesk Administrator'], ['Password Administrator'], true],
    [['Helpdesk Administrator'], ['User Administrator'], false],
    [['Helpdesk Administrator'], ['Global Administrator'], false],
    [['Password Administrator'], [], true],
    [['Password Administrator'], ['Helpdesk Administrator'], false],
    [['User Administrator'], ['User Administrator'], true],
    [['User Administrator'], ['Global Administrator'], false],
    [['User Administrator'], ['Exchange Administrator'], false],
    [['Authentication Administrator'], ['Helpdesk Administrator'], false],
    [['Privileged Authentication Administrator'], ['Global Administrator'], true],
    [['Global Administrator'], ['Global Administrator', 'Exchange Administrator'], true],
    [['License Administrator'], [], false],
    [[], [], false],
  ];
  for (const [caller, target, allowed] of cases) {
    it(`${caller.join(' + ') || 'no role'} ${allowed ? 'may' : 'may not'} reset ${target.join(' + ') || 'a non-administrator'}`, () => {
      assert.equal(mayResetPassword(caller, target), allowed);
    });
  }

  it('names the roles that could reset a Global Administrator', () => {
    assert.deepEqual(rolesAbleToReset(['Global Administrator']).sort(), ['Global Administrator', 'Privileged Authentication Administrator']);
  });
});
