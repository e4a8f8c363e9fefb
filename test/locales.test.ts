import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../bot/host/paths';
import { KnowledgeBase } from '../bot/nlu/knowledge';
import { Localizer, toLocale } from '../bot/presentation/i18n';

describe('Locale files', () => {
  const localizer = new Localizer();

  it('French and English have the same keys', () => {
    assert.deepEqual(localizer.keys('en').sort(), localizer.keys('fr').sort());
  });

  it('French and English use the same placeholders in each text', () => {
    const placeholders = (locale: 'fr' | 'en', key: string) => (localizer.t(locale, key).match(/\{\w+\}/g) ?? []).sort();
    const mismatched = localizer.keys('fr').filter((key) => JSON.stringify(placeholders('fr', key)) !== JSON.stringify(placeholders('en', key)));
    assert.deepEqual(mismatched, []);
  });

  it('writes English in US spelling, as Teams shows it in en-US (texts, articles, the manifest)', () => {
    const british = /\b(licences?|organis\w*|e-mail|cancell(ed|ing)|colour\w*|favour\w*|behaviour\w*|centre|recognis\w*|authoris\w*|catalogue)\b/i;
    const english = [
      ...localizer.keys('en').map((key) => [`locales/en.json ${key}`, localizer.t('en', key)]),
      ...new KnowledgeBase()
        .all()
        .flatMap((a) => [
          [`${a.id} title`, a.title.en],
          [`${a.id} body`, a.body.en],
          ...a.links.map((l) => [`${a.id} link`, l.title.en]),
          ...a.sources.map((s) => [`${a.id} source`, s.title.en]),
          ...(a.next ? [[`${a.id} next`, a.next.title.en]] : []),
        ]),
      ...Object.entries(JSON.parse(readFileSync(projectPath('manifest', 'en-us.json'), 'utf8')) as Record<string, string>).map(([key, text]) => [
        `manifest ${key}`,
        text,
      ]),
    ];
    const spelled = english.filter(([, text]) => british.test(text));
    assert.deepEqual(spelled, []);
  });

  it('names every audited operation in both languages (the audit card never shows a raw operation)', () => {
    const sources = ['bot', 'dialogs'].flatMap((dir) =>
      readdirSync(projectPath(dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(projectPath(dir, f), 'utf8')),
    );
    const audited = new Set(sources.flatMap((text) => [...text.matchAll(/operation: '([a-z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1])));
    assert.ok(audited.has('password.reset') && audited.has('admin.revoke'), 'the scan finds the operations');
    const unnamed = [...audited].filter((op) => !localizer.keys('fr').includes(`operation.${op}`) || !localizer.keys('en').includes(`operation.${op}`));
    assert.deepEqual(unnamed, []);
  });

  it('makes words agree with the numbers they count, as each language does (French 0 and 1 singular)', () => {
    assert.equal(localizer.t('fr', 'audit.subtitle', { count: 0, filter: '' }), "0 opération, les plus récentes d'abord.");
    assert.equal(localizer.t('fr', 'audit.subtitle', { count: 2, filter: '' }), "2 opérations, les plus récentes d'abord.");
    assert.equal(localizer.t('en', 'audit.subtitle', { count: 0, filter: '' }), '0 operations, newest first.');
    assert.equal(localizer.t('en', 'audit.subtitle', { count: 1, filter: '' }), '1 operation, newest first.');
    assert.equal(localizer.t('fr', 'pending.subtitle', { count: 1 }), '1 demande attend une décision.');
    assert.equal(localizer.t('en', 'pending.subtitle', { count: 3 }), '3 requests are waiting for a decision.');
  });

  it('writes no « (s) »: every count agrees', () => {
    for (const locale of ['fr', 'en'] as const)
      assert.deepEqual(
        localizer.keys(locale).filter((key) => /\(s\)/.test(localizer.t(locale, key))),
        [],
      );
  });

  it('fills placeholders', () => {
    assert.equal(localizer.t('en', 'inventory.used', { used: 3, total: 5 }), 'Used: 3 of 5');
  });

  it("elides « de » before a name or a plan that starts with a vowel, in French only (« la licence d'Antoine », « d'Office 365 E3 »)", () => {
    const facts = { plan: 'Office 365 E3', group: 'Ventes' };
    assert.match(localizer.t('fr', 'license.remove.viaGroup', { ...facts, name: 'Antoine Mercier' }), /^La licence Office 365 E3 d'Antoine Mercier vient/);
    assert.match(localizer.t('fr', 'license.remove.viaGroup', { ...facts, name: 'Paul Fontaine' }), /^La licence Office 365 E3 de Paul Fontaine vient/);
    assert.match(
      localizer.t('fr', 'confirm.title.change', { name: 'Paul', from: 'Office 365 E3', to: 'Office 365 E5' }),
      /^Passer Paul d'Office 365 E3 à Office 365 E5/,
    );
    assert.doesNotMatch(localizer.t('en', 'license.remove.viaGroup', { ...facts, name: 'Antoine Mercier' }), /d'Antoine/);
  });

  it('elides only the word « de », not a word that ends in « de » after an accented letter (« procède »)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    writeFileSync(join(dir, 'fr.json'), JSON.stringify({ k: 'Il procède {plan}, puis passe de {plan}.' }));
    writeFileSync(join(dir, 'en.json'), JSON.stringify({ k: 'x' }));
    assert.equal(new Localizer(dir).t('fr', 'k', { plan: 'Office 365' }), "Il procède Office 365, puis passe d'Office 365.");
  });

  it('refuses a missing key loudly', () => {
    assert.throws(() => localizer.t('fr', 'no.such.key'), /Missing text "no.such.key"/);
  });

  it('maps Teams locales to a language, falling back to the default', () => {
    assert.equal(toLocale('fr-CA', 'en'), 'fr');
    assert.equal(toLocale('en-GB', 'fr'), 'en');
    assert.equal(toLocale('de-DE', 'fr'), 'fr');
    assert.equal(toLocale(undefined, 'en'), 'en');
  });
});
