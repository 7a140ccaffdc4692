import { describe, expect, it, vi } from 'vitest';
import { usePagedList, type PageArgs } from './use-paged-list';

type Row = { id: string };
const rows = (n: number, from = 0): Row[] => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

describe('usePagedList', () => {
  it('applies the filter only on search, pages with offset/limit and keeps the total', async () => {
    const fetch = vi.fn(async (_f: { keyword: string }, page: PageArgs) => ({
      items: rows(page.limit, page.offset),
      total: 45,
    }));
    const list = usePagedList<Row, { keyword: string }>(fetch, () => ({ keyword: '' }), { pageSize: 20 });
    list.filter.keyword = '空调';
    await list.search();
    expect(fetch).toHaveBeenLastCalledWith({ keyword: '空调' }, { offset: 0, limit: 20 });
    expect(list.total.value).toBe(45);

    list.filter.keyword = '未提交的输入';
    list.page.value = 3;
    await list.load();
    expect(fetch).toHaveBeenLastCalledWith({ keyword: '空调' }, { offset: 40, limit: 20 });
    expect(list.items.value[0]!.id).toBe('40');

    await list.reset();
    expect(list.filter.keyword).toBe('');
    expect(list.page.value).toBe(1);
    expect(fetch).toHaveBeenLastCalledWith({ keyword: '' }, { offset: 0, limit: 20 });
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    let release: (v: { items: Row[]; total: number }) => void = () => {};
    const slow = new Promise<{ items: Row[]; total: number }>((r) => (release = r));
    const fetch = vi
      .fn()
      .mockReturnValueOnce(slow)
      .mockResolvedValueOnce({ items: rows(1, 7), total: 1 });
    const list = usePagedList<Row, object>(fetch, () => ({}));
    const first = list.load();
    await list.load();
    release({ items: rows(3), total: 3 });
    await first;
    expect(list.items.value.map((r) => r.id)).toEqual(['7']);
    expect(list.total.value).toBe(1);
    expect(list.loading.value).toBe(false);
  });

  it('reports a failure and keeps the rows it had; replaceRow swaps one row', async () => {
    const onError = vi.fn();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce({ items: rows(2), total: 2 })
      .mockRejectedValueOnce(new Error('down'));
    const list = usePagedList<Row & { v?: number }, object>(fetch, () => ({}), { onError });
    await list.load();
    await list.load();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(list.items.value).toHaveLength(2);
    list.replaceRow({ id: '1', v: 2 });
    expect(list.items.value[1]).toEqual({ id: '1', v: 2 });
  });
});
