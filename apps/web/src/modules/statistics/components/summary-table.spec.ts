import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { StatTableDocument } from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({
  request: (...args: unknown[]) => request(...args),
  authorizedFetch: vi.fn(),
}));
const { default: SummaryTable } = await import('./summary-table.vue');

const cells = (n: number, yuan: number) =>
  ['RECEIVED', 'ACCEPTED', 'REJECTED', 'CONCLUDED', 'MEDIATION_SUCCESS', 'RECOVERED'].map((metric) => ({
    metric,
    n,
    amount: metric === 'RECOVERED' ? yuan : 0,
  }));

describe('SummaryTable (受理和处理消费者诉求情况汇总表)', { timeout: 30_000 }, () => {
  let wrapper: VueWrapper;
  beforeEach(() => {
    request.mockReset();
    request.mockResolvedValue({
      statTable: [
        { key: '', label: '（未填写）', cells: cells(3, 0) },
        { key: '家电零售', label: '家电零售', cells: cells(5, 12_500) },
      ],
    });
  });
  afterEach(() => wrapper?.unmount());

  it('asks the API for the period and unit, shows rows in Chinese with 万元 and a total; a cell drills down', async () => {
    wrapper = mount(SummaryTable, {
      global: withPlugins(),
      attachTo: document.body,
      props: { from: '2026-10-01', to: '2026-12-05', unitId: '7', defs: [] },
    });
    await settle();
    expect(request).toHaveBeenCalledWith(StatTableDocument, {
      input: expect.objectContaining({ from: '2026-10-01', to: '2026-12-05', unitId: '7', rowsBy: 'industry' }),
    });
    const text = wrapper.text();
    expect(text).toContain('（未填写）');
    expect(text).toContain('家电零售');
    expect(text).toContain('1.25');
    expect(text).toContain('合计');
    expect(text).toContain('被投诉人行业');

    const cell = wrapper.findAll('button.summary-table__cell')[6]!; // second row, first metric
    await cell.trigger('click');
    expect(wrapper.emitted('drill')).toEqual([['RECEIVED', 'industry', '家电零售']]);
  });

  it('an empty unit (the whole scope) is sent as null', async () => {
    wrapper = mount(SummaryTable, {
      global: withPlugins(),
      props: { from: '2026-10-01', to: '2026-12-05', unitId: '', defs: [] },
    });
    await settle();
    expect(request.mock.calls[0]![1].input.unitId).toBeNull();
  });

  it('消费者投诉处理情况表: rows by problem type under their dictionary names, complaints only; a cell drills with the kind', async () => {
    request.mockResolvedValue({
      statTable: [
        { key: 'QUALITY', label: '质量', cells: cells(4, 20_000) },
        { key: 'SAFETY', label: '安全', cells: cells(0, 0) },
      ],
    });
    wrapper = mount(SummaryTable, {
      global: withPlugins(),
      attachTo: document.body,
      props: {
        from: '2026-10-01',
        to: '2026-12-05',
        unitId: '',
        defs: [],
        fixed: { rowsBy: 'problemType', kind: 'COMPLAINT', title: '消费者投诉处理情况表' },
      },
    });
    await settle();
    expect(request).toHaveBeenCalledWith(StatTableDocument, {
      input: expect.objectContaining({ rowsBy: 'problemType', kind: 'COMPLAINT' }),
    });
    const text = wrapper.text();
    expect(text).toContain('消费者投诉处理情况表');
    expect(text).toContain('质量');
    expect(text).toContain('安全');
    expect(text).not.toContain('QUALITY');
    expect(text).not.toContain('分行维度'); // the row dimension is fixed
    expect(wrapper.find('[data-testid="table-export"]').exists()).toBe(true);
    await wrapper.findAll('button.summary-table__cell')[0]!.trigger('click');
    expect(wrapper.emitted('drill')).toEqual([['RECEIVED', 'problemType', 'QUALITY', 'COMPLAINT']]);
  });
});
