/**
 * Short deterministic fingerprint (32-bit FNV-1a, 8 hex digits) of a string. Used to name a
 * calendar version that includes administrator overrides or imports; not a security hash.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
