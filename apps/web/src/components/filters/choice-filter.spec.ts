import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { settle, withPlugins } from '@/test-utils/mount';
import ChoiceFilter from './choice-filter.vue';

const LABELS: Record<string, string> = { INSTRUCTION: '工作指令', REPORT: '情况报告' };

describe('ChoiceFilter', () => {
  it('offers 全部 first, then each value by its label, and sets the model to the one picked', async () => {
    const w = mount(ChoiceFilter, {
      props: {
        label: '类型',
        options: ['INSTRUCTION', 'REPORT'],
        labelOf: (v: string) => LABELS[v]!,
        modelValue: '',
        'onUpdate:modelValue': (v: string) => w.setProps({ modelValue: v }),
      },
      global: withPlugins(),
      attachTo: document.body,
    });
    expect(w.find('.el-form-item__label').text()).toBe('类型');
    await w.find('.el-select__wrapper').trigger('click');
    await settle();
    const items = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')];
    expect(items.map((i) => i.textContent?.trim())).toEqual(['全部', '工作指令', '情况报告']);
    items[2]!.click();
    await settle();
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual(['REPORT']);
    w.unmount();
  });
});
