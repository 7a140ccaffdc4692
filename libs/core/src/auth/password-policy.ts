import { dictionary } from '@zxcvbn-ts/language-common';
import { PUBLISHED_SECRETS } from '../config/production-secrets';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/**
 * Passwords that a guesser tries first: zxcvbn's list of ~49,000 common passwords (from breach
 * corpora), the project's own name and every password or secret published in its documentation,
 * the demo password included (demo accounts are seeded directly and keep it). Lower case.
 */
const DENIED: ReadonlySet<string> = new Set(
  [...dictionary['passwords-common'], ...PUBLISHED_SECRETS, 'weiquan', '维权', 'wq'].map((p) => p.toLowerCase()),
);

// Control characters (NUL included) and lone surrogates cannot be typed and are not stored faithfully.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// The word inside decoration: 'Password2026!' → 'password', '!!qwerty1' → 'qwerty'.
const DECORATION = /^[^\p{L}]+|[^\p{L}]+$/gu;

/**
 * Why a new password is refused (a zh-CN message), or null when it is acceptable: 10–128 characters,
 * no leading or trailing whitespace, no control characters or broken Unicode, not the username (nor
 * containing it), not a common or published password — also not one with digits or symbols
 * wrapped around it — and at least 5 different characters. No composition rules (NIST SP 800-63B).
 */
export function passwordProblem(password: unknown, username?: string | null): string | null {
  if (typeof password !== 'string') return '请输入密码';
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 位`;
  if (chars.length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 位`;
  if (password !== password.trim()) return '密码首尾不能有空格';
  if (CONTROL.test(password) || LONE_SURROGATE.test(password)) return '密码含有不可见的控制字符或无效字符';
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) return '密码不能包含用户名';
  const core = lower.replace(DECORATION, '');
  if (DENIED.has(lower) || (core.length >= 3 && DENIED.has(core))) return '密码过于常见，容易被猜中，请换一个';
  if (new Set(chars).size < 5) return '密码至少包含 5 个不同的字符';
  return null;
}
