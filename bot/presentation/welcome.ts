import { Attachment } from 'botbuilder';
import { CardRenderer } from './cardRenderer';
import { Locale, Localizer } from './i18n';

/** The card that introduces the bot: shown when it is added, and when a request is not understood. */
export function welcomeCard(cards: CardRenderer, localizer: Localizer, locale: Locale, lead?: string): Attachment {
  const t = (key: string) => localizer.t(locale, key);
  return cards.attachment('welcome', {
    lead: lead ?? '',
    title: t('welcome.title'),
    intro: t('welcome.intro'),
    examplesTitle: t('welcome.examplesTitle'),
    examples: [t('welcome.example.licenses'), t('welcome.example.incident'), t('welcome.example.help')],
    actions: [
      { title: t('welcome.action.licenses'), action: 'license.list', text: '' },
      { title: t('welcome.action.help'), action: 'help', text: '' },
    ],
  });
}
