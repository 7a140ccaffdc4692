import { authorizedFetch } from '@/api/request';

/** The server's limits for a staff photo (it checks again, by the bytes). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/** Why `file` will be refused before it is sent, or null: type by its declared type or name, then size. */
export function photoProblem(file: { name: string; type: string; size: number }): string | null {
  const typeOk =
    (PHOTO_TYPES as readonly string[]).includes(file.type.toLowerCase()) || /\.(jpe?g|png)$/i.test(file.name);
  if (!typeOk) return '照片只能是 JPG 或 PNG 图片';
  if (file.size > PHOTO_MAX_BYTES) return '照片不能超过 2 MB';
  if (file.size === 0) return '照片文件是空的';
  return null;
}

/** Uploads (file) or removes (null) a card's photo; null when done, else the reason in Chinese. */
export async function sendPhoto(cardId: string, file: File | null, fetcher = authorizedFetch): Promise<string | null> {
  const url = `/api/staff-cards/${encodeURIComponent(cardId)}/photo`;
  let res: Response;
  try {
    if (file) {
      const form = new FormData();
      form.append('file', file, file.name);
      res = await fetcher(url, { method: 'POST', body: form });
    } else res = await fetcher(url, { method: 'DELETE' });
  } catch {
    return '网络连接失败，请稍后再试';
  }
  if (res.ok) return null;
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  return body.message ?? '操作失败，请稍后再试';
}
