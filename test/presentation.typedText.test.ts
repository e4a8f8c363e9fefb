import assert from 'node:assert/strict';
import { typedText } from '../bot/presentation/typedText';

describe('Text someone typed, shown to others', () => {
  it('keeps its words and addresses as typed', () => {
    const shown = typedText('Voir https://support.example/kb et **urgent**');
    assert.equal(shown, 'Voir https://support.example/kb et **urgent**');
  });

  it('breaks a markdown link, so its words cannot hide where it goes', () => {
    const shown = typedText('[Réinitialisez ici](https://evil.example)');
    assert.doesNotMatch(shown, /\]\(/);
    assert.equal(shown.replace(/\u200B/g, ''), '[Réinitialisez ici](https://evil.example)', 'nothing visible changes');
  });

  it('breaks a link written with spaces, a reference definition and an autolink', () => {
    for (const text of ['[a] (https://x.example)', '[a]: https://x.example', '<https://x.example>', '<mailto:a@x.example>']) {
      const shown = typedText(text);
      assert.doesNotMatch(shown, /\]\s*[(:]|<[a-z]+:/i, text);
    }
  });
});
