import { i18n } from '@/locales';
import { apiClientMessages } from '../locale';

type AttemptErrorCode = keyof typeof apiClientMessages.attemptErrors;

/**
 * Why a delivery attempt failed, in words: the worker records the answer's status code, a transport error
 * code (ECONNREFUSED …) or, for a timeout, a Chinese sentence; a code is never shown as it is.
 */
export function attemptErrorText(error: string | null | undefined, statusCode: number | null | undefined): string {
  const t = i18n.global.t;
  if (statusCode != null) return t('apiClient.attemptErrors.HTTP', { code: statusCode });
  if (!error) return '';
  if (/[\u4e00-\u9fff]/.test(error)) return error;
  const code = /^E[A-Z_]+$/.test(error) ? error : '';
  if (code in apiClientMessages.attemptErrors) return t(`apiClient.attemptErrors.${code as AttemptErrorCode}`);
  if (/CERT|SSL|TLS|SIGNATURE/.test(error)) return t('apiClient.attemptErrors.CERT');
  return t('apiClient.attemptErrors.OTHER');
}

// An IPv4 address, an IPv6 address (loosely: hex groups and colons), either with a /prefix.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^(?=.*:)[0-9a-fA-F:]{2,39}(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/;

/** The allowed source addresses typed one per line (or separated by commas / spaces), blanks dropped. */
export function parseSources(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The first entry that is neither an address nor a range (the server checks them too), else null. */
export function invalidSource(sources: readonly string[]): string | null {
  return sources.find((s) => !IPV4.test(s) && !IPV6.test(s)) ?? null;
}
