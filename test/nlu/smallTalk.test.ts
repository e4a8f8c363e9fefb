import assert from 'node:assert/strict';
import { negatedOrder, smallTalkOf, typedYesOrNo } from '../../bot/nlu/smallTalk';

describe('Small talk', () => {
  const cases: [string, string | undefined][] = [
    ['merci beaucoup !', 'thanks'],
    ['Super, merci pour ton aide', 'thanks'],
    ['thanks a lot', 'thanks'],
    ['thx', 'thanks'],
    // taking leave, with or without thanks
    ["thanks, that's all", 'bye'],
    ["merci, c'est tout pour moi", 'bye'],
    ['bonne journée !', 'bye'],
    ['ok merci, au revoir', 'bye'],
    ['bye', 'bye'],
    ['have a nice day', 'bye'],
    ["that's all for now, thank you!", 'bye'],
    ["c'est tout ce que tu sais faire ?", undefined],
    ['ok', 'ok'],
    ["d'accord", 'ok'],
    ['got it', 'ok'],
    ['qui es-tu ?', 'who'],
    ['bonjour, vous êtes qui ?', 'who'],
    ['who are you?', 'who'],
    ['oui', 'yes'],
    ['yes!', 'yes'],
    ['oui, donne la licence E3 à Paul', undefined],
    ['je suis un peu perdue', 'lost'],
    ["I'm lost", 'lost'],
    ['je ne sais pas quoi faire', 'lost'],
    // puzzlement alone: what the bot can do
    ['?', 'lost'],
    ['hein ?', 'lost'],
    ['what?', 'lost'],
    ['quoi de neuf ?', undefined],
    ['i lost my password', undefined],
    // A request that thanks in advance is a request.
    ['merci de réinitialiser le mot de passe de Julie', undefined],
    ['thanks, can you reset the password of julie roux', undefined],
    ['ok pour la licence E3 de Paul', undefined],
    ['qui est administrateur général ?', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`« ${text} » is ${expected ?? 'not small talk'}`, () => {
      assert.equal(smallTalkOf(text), expected);
    });
  }

  describe('a typed answer to a yes-or-no card', () => {
    const answers: [string, 'yes' | 'no' | undefined][] = [
      ['oui', 'yes'],
      ['oui vas-y !', 'yes'],
      ['ok go', 'yes'],
      ['yes please', 'yes'],
      ['yes do it', 'yes'],
      ['go for it', 'yes'],
      ['oui je confirme', 'yes'],
      ['non', 'no'],
      ['non merci', 'no'],
      ['nope, not now', 'no'],
      // Anything more is something else: a new request, or a doubt to settle on the card.
      ['oui mais pour Paul', undefined],
      ['yes no', undefined],
      ["c'est bon", undefined],
      ['merci', undefined],
    ];
    for (const [text, expected] of answers) {
      it(`« ${text} » says ${expected ?? 'neither yes nor no'}`, () => {
        assert.equal(typedYesOrNo(text), expected);
      });
    }
  });

  describe('an order given in the negative', () => {
    const cases: [string, boolean][] = [
      ['ne donne pas de licence à Paul', true],
      ["don't reset julie's password", true],
      ["n'enlève surtout pas le rôle de Sophie", true],
      ["do not remove Paul's license", true],
      // what someone must no longer have is an order to take it away
      ['Paul ne doit plus avoir de licence', false],
      ['je ne trouve pas mon mot de passe', false],
      ["n'oublie pas de donner une licence à Paul", false],
    ];
    for (const [text, negated] of cases) it(`« ${text} » is ${negated ? '' : 'not '}an order not to act`, () => assert.equal(negatedOrder(text), negated));
  });
});
