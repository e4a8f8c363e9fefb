import assert from 'node:assert/strict';
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

  it('fills placeholders', () => {
    assert.equal(localizer.t('en', 'inventory.used', { used: 3, total: 5 }), 'Used: 3 of 5');
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
