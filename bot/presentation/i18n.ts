import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../host/paths';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

type Strings = Record<string, string>;
export type Params = Record<string, string | number>;

/** The texts users read, loaded from locales/{fr,en}.json. A missing key is a bug, reported loudly. */
export class Localizer {
  private readonly strings: Record<Locale, Strings>;

  constructor(directory = projectPath('locales')) {
    this.strings = {
      fr: JSON.parse(readFileSync(join(directory, 'fr.json'), 'utf8')) as Strings,
      en: JSON.parse(readFileSync(join(directory, 'en.json'), 'utf8')) as Strings,
    };
  }

  /**
   * The text of `key` with its placeholders filled: « {count} » is the value, « {count|licence|licences} »
   * the word agreeing with it, as the language counts (in French 0 and 1 take the singular).
   */
  t(locale: Locale, key: string, params: Params = {}): string {
    const template = this.strings[locale][key] ?? this.strings.fr[key];
    if (template === undefined) throw new Error(`Missing text "${key}" in locale files`);
    return template
      .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
        name in params ? (this.plurals[locale].select(Number(params[name])) === 'one' ? one : other) : whole,
      )
      .replace(/((?<![\p{L}\p{N}])de )?\{(\w+)\}/gu, (whole, de: string | undefined, name: string) => {
        if (!(name in params)) return whole;
        const value = String(params[name]);
        // « la licence d'Antoine Mercier », not « de Antoine »: French elides « de » before a vowel.
        if (de) return locale === 'fr' && /^[aeiouyàâäéèêëîïôöûüœæ]/i.test(value) ? `d'${value}` : `${de}${value}`;
        return value;
      });
  }

  private readonly plurals: Record<Locale, Intl.PluralRules> = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') };

  keys(locale: Locale): string[] {
    return Object.keys(this.strings[locale]);
  }

  /** Whether the locale has a text for this key (a role or a status may have none: shown as Microsoft names it). */
  has(locale: Locale, key: string): boolean {
    return Object.hasOwn(this.strings[locale], key);
  }
}

/** fr-FR, fr-CA, fr → fr; en-US, en-GB → en; anything else → the configured default. */
export function toLocale(tag: string | undefined, fallback: Locale): Locale {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : fallback;
}
