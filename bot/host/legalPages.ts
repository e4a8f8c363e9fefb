import type { Locale, Localizer } from '../presentation/i18n';

/** The pages the Teams store asks an app to link to, served by the bot on the deployer's own domain. */
export type LegalPage = 'privacy' | 'terms';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The privacy statement and the terms of use, in French and English (`?lang=fr|en`, else the
 * browser's Accept-Language, else French): what the bot stores, for how long and where. The words
 * are in the locale files; paragraphs are separated by a blank line, items of a list start with « - ».
 */
export class LegalPages {
  constructor(private readonly localizer: Localizer) {}

  localeFor(lang: string | undefined, acceptLanguage: string | undefined): Locale {
    if (lang === 'fr' || lang === 'en') return lang;
    const first = (acceptLanguage ?? '').split(',')[0].trim().toLowerCase();
    return first.startsWith('en') ? 'en' : 'fr';
  }

  html(page: LegalPage, locale: Locale): string {
    const t = (key: string) => this.localizer.t(locale, key);
    const blocks = t(`page.${page}.body`)
      .split(/\n\n/)
      .map((block) => {
        const lines = block.split('\n');
        if (lines.every((l) => l.startsWith('- '))) return `<ul>${lines.map((l) => `<li>${escape(l.slice(2))}</li>`).join('')}</ul>`;
        return `<p>${escape(block)}</p>`;
      });
    const other = locale === 'fr' ? 'en' : 'fr';
    return [
      '<!doctype html>',
      `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
      `<title>${escape(t(`page.${page}.title`))}</title></head>`,
      '<body style="font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">',
      `<h1>${escape(t(`page.${page}.title`))}</h1>`,
      ...blocks,
      `<p><a href="?lang=${other}">${escape(t('page.otherLanguage'))}</a></p>`,
      '</body></html>',
    ].join('\n');
  }
}
