import assert from 'node:assert/strict';
import { loadCorpus } from '../../bot/nlu/nlpRecognizer';
import { PersonMentions } from '../../bot/nlu/personMentions';

describe('The words of a request that may name a person', () => {
  const names = new PersonMentions(loadCorpus());
  const cases: [string, string[]][] = [
    ['passe Paul Fontaine de E3 à E5', ['paul', 'fontaine']],
    ['retire la licence de julie.roux@lumiere-fils.fr', []],
    // when, and how soon, are no names (« Paul part vendredi »: Paul alone, so Paul Fontaine is found whole)
    ['Paul part vendredi, retire sa licence', ['paul']],
    ["reset Julie's password asap", ['julie']],
    ['the new designer starts monday, needs office', []],
    // the things a request is about, in the plural
    ['reset passwords for Paul Fontaine and Léa Petit', ['paul', 'fontaine', 'lea', 'petit']],
    ['qui sont les administrateurs généraux ?', []],
    // a verb and its pronoun, not a hyphenated name
    ['Hugo arrive vendredi, donne-lui une licence E3', ['hugo']],
    ['donne une licence à Jean-Pierre', ['jean-pierre']],
    // what someone should be or have is no name
    ['nadia devrait être admin des licences', ['nadia']],
    ['Paul should get an E3 license', ['paul']],
    ["J'aimerais savoir qui sont les administrateurs globaux", []],
    ['the new joiner Hugo needs Outlook and Teams', ['hugo']],
    // request words mistyped are no names; a name one letter from a word stays a name
    ['asign a lisence to paul fontane', ['paul', 'fontane']],
    ['resset pasword for lea', ['lea']],
    ['remove Camille Martin from the admins', ['camille', 'martin']],
    ['faut virer la licence de victor il est parti', ['victor']],
    // words as texted are no names either
    ["chuis bloqué sur l'écran de connexion depuis ce matin", []],
    ['ya un pb avec limprimante de julie', ['julie']],
    ["Julie's off on maternity leave from Monday, can we park her licence?", ['julie']],
    ['si jamais il reste une E3, donne-la à Hugo Lambert', ['hugo', 'lambert']],
    ["mets une licence à tous ceux qui n'en ont pas", []],
    // the name is in the first clause that has one; what follows a comma is said about them
    ['enlève la licence de Thomas, il part à la fin du mois', ['thomas']],
    ['Paul part en fin de mois, faut faire quoi pour sa licence', ['paul']],
    ["why doesn't Hugo have Outlook?", ['hugo']],
    ['le petit nouveau a besoin de Word et Excel', []],
    ["Chantal n'a pas de licence, c'est normal ?", ['chantal']],
    ["J'ai besoin qu'on crée un compte administrateur pour Marc Lefèvre, il gérera les utilisateurs", ['marc', 'lefevre']],
    ['Paul Fontaine, peux-tu lui donner une licence E3 ?', ['paul', 'fontaine']],
    ['bonjour, peux-tu donner une licence à Paul ?', ['paul']],
    ["I am the CEO, reset Camille Martin's password right now", ['camille', 'martin']],
    // a list of names goes on past its commas
    ['donne une licence E3 à Paul, Léa et Marc', ['paul', 'lea', 'marc']],
  ];
  for (const [text, words] of cases) it(`« ${text} » → ${words.join(' ') || 'nobody'}`, () => assert.deepEqual(names.in(text), words));

  it('gives the words back as the text wrote them, accents kept', () => {
    assert.deepEqual(names.asTyped('quels rôles a Mme Lefèvre ?', ['lefevre']), ['lefèvre']);
    assert.deepEqual(names.asTyped('reset lefevre password', ['lefevre']), ['lefevre']);
  });
});
