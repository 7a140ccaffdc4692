/**
 * `attachment` Content-Disposition for any file name: an ASCII `filename` fallback for old
 * clients plus the exact name as RFC 5987 / RFC 6266 `filename*=UTF-8''…` (Chinese names survive).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'file';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

// encodeURIComponent leaves ' ( ) * unescaped, which are not attr-chars in RFC 5987.
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
