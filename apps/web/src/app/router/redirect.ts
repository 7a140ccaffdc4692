import { HOME_PATH } from './constants';

/** Only same-app paths are followed after sign-in (no open redirects). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : HOME_PATH;
}
