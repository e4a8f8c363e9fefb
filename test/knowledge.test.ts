import assert from 'node:assert/strict';
import { KnowledgeBase } from '../bot/nlu/knowledge';
import { INTENTS } from '../bot/nlu/recognizer';

describe('Knowledge base', () => {
  const kb = new KnowledgeBase();
  const ids = (text: string, locale: 'fr' | 'en') => kb.search(text, locale).map((a) => a.id);

  it('has every article in French and English, with https links and a next action the bot knows', () => {
    for (const intent of INTENTS) {
      for (const article of kb.forIntent(intent)) {
        for (const locale of ['fr', 'en'] as const) {
          assert.ok(article.title[locale] && article.body[locale] && article.keywords[locale], `${article.id} ${locale}`);
          for (const link of article.links) assert.ok(link.title[locale] && link.url.startsWith('https://'), `${article.id} link`);
        }
      }
    }
  });

  it('rests every article on Microsoft documentation, https, with the date its facts were checked', () => {
    const official = /^https:\/\/(learn\.microsoft\.com|support\.microsoft\.com)\//;
    for (const article of kb.all()) {
      assert.ok(article.sources.length > 0, `${article.id} has a source`);
      for (const source of article.sources) {
        assert.match(source.url, official, `${article.id}: ${source.url}`);
        assert.ok(source.title.fr && source.title.en, `${article.id} source titles`);
      }
      assert.match(article.checked, /^20\d\d-\d\d-\d\d$/, `${article.id} checked`);
      assert.ok(!Number.isNaN(Date.parse(article.checked)) && Date.parse(article.checked) <= Date.now(), `${article.id} checked date`);
    }
  });

  it("covers the topics of the administrators' guide", () => {
    for (const intent of ['support.contact', 'mail.setup', 'domain.setup', 'password.change', 'help'] as const) {
      assert.ok(kb.forIntent(intent).length > 0, intent);
    }
  });

  it('finds the manual mail settings from « serveur smtp », and from "imap port" in English', () => {
    assert.equal(ids('serveur smtp', 'fr')[0], 'mail.manualSettings');
    assert.equal(ids('imap port', 'en')[0], 'mail.manualSettings');
  });

  it('finds answers without accents and with a typo', () => {
    assert.equal(ids('acheter un nom de domane', 'fr')[0], 'domain.buy');
    assert.ok(ids('mot de passe oublie', 'fr').includes('password.selfService'));
  });

  it('finds nothing for a request it has no article about', () => {
    assert.deepEqual(ids('commande une pizza', 'fr'), []);
    assert.deepEqual(ids('tell me a joke', 'en'), []);
  });

  describe('of the articles answering one request, picks the one the message speaks of', () => {
    const cases: [string, 'fr' | 'en', string | undefined][] = [
      ['comment je configure outlook sur mon iphone', 'fr', 'mail.outlookMobile'],
      ['je veux mes mails sur mon portable', 'fr', 'mail.outlookMobile'],
      ['configurer outlook sur mon mac', 'fr', 'mail.outlookDesktop'],
      ['paramètres imap pour thunderbird', 'fr', 'mail.manualSettings'],
      ['how do I set up my mail on android', 'en', 'mail.outlookMobile'],
      ['set up outlook on my laptop', 'en', 'mail.outlookDesktop'],
      // short forms, as the words they stand for
      ['slt jpeux avoir mes mails sur mon tel ?', 'fr', 'mail.outlookMobile'],
      ['outlook sur mon ordi', 'fr', 'mail.outlookDesktop'],
      // Nothing that tells them apart: the first one, chosen by the dialog.
      ['configurer outlook', 'fr', undefined],
      ['set up my mail', 'en', undefined],
    ];
    for (const [text, locale, expected] of cases) {
      it(`« ${text} » → ${expected ?? 'none in particular'}`, () => {
        assert.equal(kb.bestFor('mail.setup', text, locale)?.id, expected);
      });
    }
  });
});
