import { afterEach, describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { withPlugins } from '@/test-utils/mount';
import type { KpiDef } from '../composables/kpi-format';
import KpiCard from './kpi-card.vue';

const def: KpiDef = {
  code: 'MEDIATION_RATE_ACCEPTED',
  name: '调解成功率（占受理投诉）',
  group: 'UPPER',
  type: 'RATE',
  numerator: 'MEDIATION_SUCCESS',
  numeratorLabel: '调解成功件数',
  denominator: 'COMPLAINT_ACCEPTED',
  denominatorLabel: '受理投诉件数',
  period: '按登记日期',
  exclusions: '—',
  definition: '调解成功件数 ÷ 受理投诉件数',
  version: 2,
};

describe('KpiCard', { timeout: 30_000 }, () => {
  let wrapper: VueWrapper;
  afterEach(() => wrapper?.unmount());

  it('shows the rate with its numerator and denominator, and each drills to its own rows', async () => {
    wrapper = mount(KpiCard, {
      global: withPlugins(),
      props: {
        def,
        value: { code: def.code, numerator: 55, denominator: 188, value: 55 / 188 },
        previous: { code: def.code, numerator: 50, denominator: 200, value: 0.25 },
        lastYear: { code: def.code, numerator: 0, denominator: 0, value: null },
      },
    });
    const text = wrapper.text();
    expect(wrapper.get('[data-testid="kpi-value"]').text()).toBe('29.3%');
    expect(text).toContain('分子 55');
    expect(text).toContain('分母 188');
    expect(text).toContain('环比 ▲4.3 个百分点');
    expect(text).toContain('同比 无对比');
    expect(text).not.toMatch(/MEDIATION|COMPLAINT_ACCEPTED/);

    await wrapper.get('[data-testid="kpi-numerator"]').trigger('click');
    await wrapper.get('[data-testid="kpi-denominator"]').trigger('click');
    await wrapper.get('[data-testid="kpi-value"]').trigger('click');
    expect(wrapper.emitted('drill')).toEqual([['MEDIATION_SUCCESS'], ['COMPLAINT_ACCEPTED'], ['MEDIATION_SUCCESS']]);
  });

  it('a count has no parts; a missing figure reads —', () => {
    wrapper = mount(KpiCard, {
      global: withPlugins(),
      props: { def: { ...def, type: 'COUNT', denominator: null, denominatorLabel: null } },
    });
    expect(wrapper.get('[data-testid="kpi-value"]').text()).toBe('—');
    expect(wrapper.find('[data-testid="kpi-numerator"]').exists()).toBe(false);
  });
});
