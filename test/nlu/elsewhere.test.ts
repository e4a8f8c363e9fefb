import assert from 'node:assert/strict';
import { doneElsewhere } from '../../bot/nlu/elsewhere';

describe('Administration done elsewhere', () => {
  const cases: [string, string | undefined][] = [
    ['renomme le compte de Julie', 'rename'],
    ["change le nom d'affichage de Paul", 'rename'],
    ["change Julie's display name", 'rename'],
    ["fix the last name of Paul, it's misspelled", 'rename'],
    ['create a new teams channel', 'teams'],
    ['crée un canal Teams pour le projet Alpha', 'teams'],
    ['add Paul to the sales team in teams', 'teams'],
    ["ajoute Julie à l'équipe Teams du marketing", 'teams'],
    ['ajoute-moi au groupe direction', 'groups'],
    ["crée une liste de diffusion pour l'équipe ventes", 'groups'],
    ['comment créer une liste de diffusion ?', 'groups'],
    ["what's Julie's phone number", 'contactDetails'],
    ['quel est le numéro de portable de Julie ?', 'contactDetails'],
    ["donne-moi l'adresse mail de Paul", 'contactDetails'],
    // what the bot does, or a trouble, whatever words they share
    ['quel est le numéro du support ?', undefined],
    ["what's the phone number of the helpdesk", undefined],
    ["Julie's email isn't working", undefined],
    ['I need to know the address of the office in Lyon', undefined],
    ['le canal Teams du projet ne charge pas', undefined],
    ['ajoute une licence au groupe Ventes', undefined],
    ['change le nom de domaine', undefined],
    ['change le mot de passe de Paul', undefined],
    ["mon équipe n'a plus accès à Teams", undefined],
    ['change Paul de E3 à E5', undefined],
  ];
  for (const [text, kind] of cases) it(`« ${text} » → ${kind ?? 'the bot’s own business'}`, () => assert.equal(doneElsewhere(text), kind));
});
