import { AppError, InvalidRequest, RoleRequired } from '../policy/errors';
import { Locale, Localizer } from './i18n';

/** The one place where an error becomes words for the user. Unknown errors never leak their details. */
export function userMessageFor(error: unknown, locale: Locale, localizer: Localizer, correlationId: string): string {
  if (!(error instanceof AppError)) return localizer.t(locale, 'error.unexpected', { correlationId });
  const detail = error instanceof InvalidRequest ? error.message.replace(/^[^:]*:\s*/, '') : '';
  const roles = error instanceof RoleRequired ? roleNames(String(error.params.roles ?? '').split(','), locale, localizer) : '';
  const text = localizer.t(locale, error.messageKey, { ...error.params, detail, roles });
  return `${text} ${localizer.t(locale, 'error.reference', { correlationId })}`;
}

/** Entra role names as the admin centre shows them in the user's language. */
export function roleNames(roles: string[], locale: Locale, localizer: Localizer): string {
  return roles
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => (localizer.has(locale, `role.${r}`) ? localizer.t(locale, `role.${r}`) : r))
    .join(', ');
}
