import type { ApiError } from '@/api/errors';
import { i18n } from '@/locales';

/** The text to show for an error: the API's own message, else a zh-CN text for its code. */
export function errorText(error: ApiError): string {
  if (error.message) return error.message;
  const key = `errors.${error.code}`;
  return i18n.global.te(key) ? i18n.global.t(key) : i18n.global.t('errors.UNKNOWN');
}
