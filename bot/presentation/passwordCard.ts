import { Attachment } from 'botbuilder';
import { CardRenderer } from './cardRenderer';
import { Locale, Localizer } from './i18n';

/** The card showing a temporary password, or, with no password, its hidden form (no password, no button). */
export function passwordCard(cards: CardRenderer, localizer: Localizer, locale: Locale, name: string, password: string): Attachment {
  const t = (key: string) => localizer.t(locale, key, { name });
  return cards.attachment('temporaryPassword', {
    title: password ? t('reset.doneTitle') : t('reset.hidden'),
    password,
    text: password ? t('reset.doneText') : '',
    hideActions: password ? [{ title: t('reset.hide') }] : [],
  });
}
