import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: a code read from an SMS and typed on a phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8; // 31^8 ≈ 8.5e11, with throttling per case and per address

/** A new 查询码 (shown once, sent by SMS; only its keyed hash is stored). */
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** A 6-digit SMS verification code. */
export function newSmsCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** The form people type: upper case, no spaces or dashes. */
export function normalizeCode(code: string): string {
  return String(code ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
    .slice(0, 32);
}

/**
 * Keyed hash (HMAC-SHA256 with the server's secret) of a code bound to what it opens (`scope`, e.g. the
 * case id), so a copied table neither reveals codes nor lets anyone brute-force them offline.
 */
export function codeHash(secret: string, scope: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`${scope}:${normalizeCode(code)}`)
    .digest('hex');
}

/** Constant-time comparison of two hex hashes of equal length. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
