import { AppError, InvalidRequest } from './errors';
import { Locale, Localizer } from './i18n';

/** The one place where an error becomes words for the user. Unknown errors never leak their details. */
export function userMessageFor(error: unknown, locale: Locale, localizer: Localizer, correlationId: string): string {
  if (!(error instanceof AppError)) return localizer.t(locale, 'error.unexpected', { correlationId });
  const detail = error instanceof InvalidRequest ? error.message.replace(/^[^:]*:\s*/, '') : '';
  const text = localizer.t(locale, error.messageKey, { ...error.params, detail });
  return `${text} ${localizer.t(locale, 'error.reference', { correlationId })}`;
}
