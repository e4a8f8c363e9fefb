import assert from 'node:assert/strict';
import { choiceByTitle } from '../../dialogs/core/cardPrompt';

describe('A choice typed as a word of its title', () => {
  const roles = {
    pick: 'role',
    nonce: 'n',
    values: ['SharePoint Administrator', 'Teams Administrator'],
    titles: ['Administrateur SharePoint', 'Administrateur Teams'],
  };
  const cases: [string, string | undefined][] = [
    ['Teams', 'Teams Administrator'],
    ["l'administrateur SharePoint", 'SharePoint Administrator'],
    ['the Teams one, please', 'Teams Administrator'],
    // a word every title has, or a word none has, chooses nothing
    ['administrateur', undefined],
    ['Exchange', undefined],
    ['non attends, à Pauline plutôt', undefined],
  ];
  for (const [typed, value] of cases) it(`« ${typed} » → ${value ?? 'nothing'}`, () => assert.equal(choiceByTitle(typed, roles), value));

  it('chooses nothing on a card that gave no titles', () => assert.equal(choiceByTitle('Teams', { ...roles, titles: undefined }), undefined));
});
