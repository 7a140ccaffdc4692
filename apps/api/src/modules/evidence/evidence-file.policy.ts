// What an evidence upload may be: its declared type must be allowed (EVIDENCE_ALLOWED_TYPES) and
// its first bytes must look like that type, so a renamed .exe is refused whatever it claims.

/** Bytes of the file the signature check needs. */
export const SNIFF_BYTES = 4096;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Names browsers and operating systems use for the same type.
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
};

// For a client that declares nothing useful (application/octet-stream): the type by extension.
const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  txt: 'text/plain',
  docx: DOCX,
  xlsx: XLSX,
};

const ascii = (s: string) => Buffer.from(s, 'latin1');
const startsWith = (b: Buffer, sig: Buffer | number[], at = 0) => {
  const s = Buffer.isBuffer(sig) ? sig : Buffer.from(sig);
  return b.length >= at + s.length && b.subarray(at, at + s.length).equals(s);
};
const riff = (b: Buffer, form: string) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii(form), 8);
const zip = (b: Buffer) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': (b) => riff(b, 'WEBP'),
  'image/gif': (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  // PDF readers accept the header anywhere in the first 1024 bytes.
  'application/pdf': (b) => b.subarray(0, 1024).includes(ascii('%PDF-')),
  // An ID3 tag, or an MPEG audio frame sync (11 set bits).
  'audio/mpeg': (b) => startsWith(b, ascii('ID3')) || (b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0),
  'audio/wav': (b) => riff(b, 'WAVE'),
  'video/mp4': (b) => startsWith(b, ascii('ftyp'), 4),
  [DOCX]: zip,
  [XLSX]: zip,
  // Text of any encoding but UTF-16/32 without a BOM: no NUL bytes.
  'text/plain': (b) =>
    startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]) || !b.subarray(0, SNIFF_BYTES).includes(0),
};

// For an allowed type without a signature above: at least not an executable. (The signatures
// above already refuse these; a PE or ELF header also holds NUL bytes, which text may not.)
const EXECUTABLE: Buffer[] = [
  ascii('MZ'), // Windows PE / DOS
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]), // ELF
  Buffer.from([0xfe, 0xed, 0xfa, 0xce]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xcf]), // Mach-O
  Buffer.from([0xce, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xca, 0xfe, 0xba, 0xbe]), // Mach-O universal / Java class
];

/** Lower-cased type without parameters, with common aliases folded (image/jpg → image/jpeg). */
export function normalizeMimeType(declared: string | undefined): string {
  const base = (declared ?? '').split(';')[0].trim().toLowerCase();
  return ALIASES[base] ?? base;
}

/**
 * The content type to store for an upload, or null when it is not allowed. A generic declared
 * type (application/octet-stream, none) falls back to the file name's extension.
 */
export function resolveContentType(
  declared: string | undefined,
  fileName: string,
  allowed: ReadonlySet<string>,
): string | null {
  let type = normalizeMimeType(declared);
  if (!type || type === 'application/octet-stream') {
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1].toLowerCase();
    type = (ext && BY_EXTENSION[ext]) || type;
  }
  return allowed.has(type) ? type : null;
}

/** True when the file's first bytes fit `contentType` (for a type without a known signature: are not an executable). */
export function matchesSignature(contentType: string, head: Buffer): boolean {
  const check = SIGNATURES[contentType];
  return check ? check(head) : !EXECUTABLE.some((sig) => startsWith(head, sig));
}

/**
 * A file name safe to store and echo back: the last path segment, without control characters or
 * bidi overrides (which can disguise "exe.png" as "gnp.exe"), trimmed, at most `max` characters
 * (keeping the extension). Never used as a storage path.
 */
export function cleanFileName(original: string | undefined, max = 200): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[\s.]+|\s+$/g, '');
  if (!clean) return 'file';
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return (
    Array.from(clean.slice(0, clean.length - ext.length))
      .slice(0, max - Array.from(ext).length)
      .join('') + ext
  );
}
