// Field rules shared by the API and the web forms: phone numbers, the unified social credit
// code (统一社会信用代码) and the resident ID number, and masking for display (保密).

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02X have three digits, all others four (0591, 0477 …).
const AREA = '(?:010|02\\d|0[3-9]\\d{2})';
// Area code and a 7–8 digit local number, or a bare local number not starting with 0/1 (those
// are service numbers); optional extension.
const LANDLINE = new RegExp(`^(?:${AREA}-?[1-9]\\d{6,7}|[2-9]\\d{6,7})(?:-\\d{1,6})?$`);
// Public service numbers (12315, 12345, 95598 …, optionally with an area code), 110/119/120/122,
// and 400/800 lines.
const SERVICE = new RegExp(`^(?:(?:${AREA}-?)?(?:1\\d{4}|9\\d{4})|11[09]|12[02]|[48]00-?\\d{3}-?\\d{4})$`);

/**
 * Normalises what people type: spaces and brackets dropped, dash variants (—, －, –) turned into
 * '-', a +86 / 0086 prefix removed, a mobile number written with dashes joined up.
 */
export function normalizePhone(raw: string): string {
  let s = raw
    .trim()
    .replace(/[\s()（）]/g, '')
    .replace(/[—–－‐]/g, '-')
    .replace(/^(?:\+|00)86-?/, '');
  if (MOBILE.test(s.replace(/-/g, ''))) s = s.replace(/-/g, '');
  return s;
}

/** Mainland mobile number, 11 digits starting 13–19. */
export function isMobilePhone(raw: string): boolean {
  return MOBILE.test(normalizePhone(raw));
}

/** Fixed-line number with optional area code and extension, e.g. 0591-87654321, 021-6123456-8001. */
export function isLandline(raw: string): boolean {
  return LANDLINE.test(normalizePhone(raw));
}

/** Public service or hotline number, e.g. 12315, 0477-12315, 400-123-4567. */
export function isServiceNumber(raw: string): boolean {
  return SERVICE.test(normalizePhone(raw));
}

/** Any number a consumer or an authority can be reached at (mobile, landline or service number). */
export function isContactPhone(raw: string): boolean {
  return isMobilePhone(raw) || isLandline(raw) || isServiceNumber(raw);
}

// GB 32100-2015: 31 symbols (no I, O, Z, S, V); weight of position i is 3^i mod 31.
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (18th) that GB 32100-2015 computes for the first 17 characters, or null if they are not valid symbols. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i] as string);
    if (value < 0) return null;
    sum += value * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] as string;
}

/** Unified social credit code (统一社会信用代码): 18 characters, structure and check character per GB 32100-2015. Upper case expected; leading/trailing spaces ignored. */
export function isUnifiedSocialCreditCode(raw: string): boolean {
  const code = raw.trim();
  if (!CREDIT_CODE_SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * 18-digit resident identity number (GB 11643): shape, a real birth date from 1900 up to `today` and the
 * ISO 7064 MOD 11-2 check character.
 */
export function isResidentIdNumber(raw: string, today: Date = new Date()): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (birth.getTime() > today.getTime()) return false; // born in the future: a typo or an invented number
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17];
}

/**
 * Masks a phone number for display: a mobile keeps its first 3 and last 4 digits
 * ('13812345678' → '138****5678'); a landline keeps its area code and last 4 digits
 * ('0591-87654321' → '0591-****4321'); public service numbers (fewer than 7 digits) are shown as is.
 */
export function maskPhone(raw: string): string {
  const s = normalizePhone(raw);
  if (MOBILE.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7) return s;
  const withArea = new RegExp(`^(${AREA})-?([1-9]\\d{6,7})(?:-\\d{1,6})?$`).exec(s);
  const [area, local] = withArea ? [`${withArea[1]}-`, withArea[2] as string] : ['', digits];
  return `${area}${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
}

/** Masks an identity document number: 18-digit resident IDs keep the first 3 and last 4 characters; other documents keep only the first and last. */
export function maskIdNumber(raw: string): string {
  const s = raw.trim();
  if (s.length <= 2) return '*'.repeat(s.length);
  const [head, tail] = s.length >= 15 ? [3, 4] : [1, 1];
  return `${s.slice(0, head)}${'*'.repeat(s.length - head - tail)}${s.slice(-tail)}`;
}

/** Masks a person's name, keeping the first character: '张三' → '张*', '欧阳娜娜' → '欧***'. */
export function maskName(raw: string): string {
  const chars = Array.from(raw.trim());
  if (chars.length <= 1) return chars.length === 0 ? '' : '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
