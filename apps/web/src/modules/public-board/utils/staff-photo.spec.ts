import { describe, expect, it, vi } from 'vitest';
import { photoProblem, sendPhoto } from './staff-photo';

describe('photoProblem', () => {
  it('takes JPEG and PNG up to 2 MB, by type or by name', () => {
    expect(photoProblem({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull();
    expect(photoProblem({ name: 'a.JPG', type: '', size: 2 * 1024 * 1024 })).toBeNull();
  });
  it('refuses other types, larger and empty files, in words', () => {
    expect(photoProblem({ name: 'a.gif', type: 'image/gif', size: 10 })).toBe('照片只能是 JPG 或 PNG 图片');
    expect(photoProblem({ name: 'a.png', type: 'image/png', size: 2 * 1024 * 1024 + 1 })).toBe('照片不能超过 2 MB');
    expect(photoProblem({ name: 'a.png', type: 'image/png', size: 0 })).toBe('照片文件是空的');
  });
});

describe('sendPhoto', () => {
  it('posts the file, deletes for null, and returns the server’s reason on a refusal', async () => {
    const fetcher = vi.fn(async () => new Response('{}', { status: 201 }));
    expect(await sendPhoto('7', new File(['x'], 'a.png', { type: 'image/png' }), fetcher)).toBeNull();
    expect(fetcher).toHaveBeenCalledWith('/api/staff-cards/7/photo', expect.objectContaining({ method: 'POST' }));
    fetcher.mockResolvedValueOnce(new Response('{}', { status: 200 }));
    expect(await sendPhoto('7', null, fetcher)).toBeNull();
    expect(fetcher).toHaveBeenLastCalledWith('/api/staff-cards/7/photo', { method: 'DELETE' });
    fetcher.mockResolvedValueOnce(
      new Response(JSON.stringify({ message: '照片只能是 JPG 或 PNG 图片' }), { status: 415 }),
    );
    expect(await sendPhoto('7', new File(['x'], 'a.png'), fetcher)).toBe('照片只能是 JPG 或 PNG 图片');
  });
});
