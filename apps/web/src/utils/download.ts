import { authorizedFetch } from '@/api/request';

/**
 * The file name in a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` (exact, e.g. Chinese)
 * before the plain `filename="…"` fallback; `fallback` when the header names none.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (star) {
    const value = star.replace(/^"(.*)"$/, '$1');
    const encoded = value.includes("''") ? value.slice(value.indexOf("''") + 2) : value;
    try {
      const decoded = decodeURIComponent(encoded);
      if (decoded) return decoded;
    } catch {
      // malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  return name || fallback;
}

/**
 * Downloads a file from the API with the session's bearer token (a plain link cannot carry it):
 * fetch → blob → save under the name the API gives. Returns that name.
 */
export async function downloadFromApi(url: string, fallbackName: string): Promise<string> {
  const res = await authorizedFetch(url);
  const name = fileNameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
