import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { settle, withPlugins } from '@/test-utils/mount';
import StatusRadio from './status-radio.vue';

const mountRadio = (props: Record<string, unknown>) =>
  mount(StatusRadio, {
    props: { labels: 'publicBoard.suggestionStatus', allLabel: '全部', options: ['OPEN', 'ANSWERED'], ...props },
    global: withPlugins(),
    attachTo: document.body,
  });

describe('StatusRadio', () => {
  it('names each state from the dictionary, with 全部 last unless asked first', () => {
    const last = mountRadio({ modelValue: 'OPEN' });
    expect(last.findAll('.el-radio-button').map((b) => b.text())).toEqual(['待答复', '已答复', '全部']);
    const first = mountRadio({ modelValue: '', allFirst: true });
    expect(first.findAll('.el-radio-button').map((b) => b.text())).toEqual(['全部', '待答复', '已答复']);
    last.unmount();
    first.unmount();
  });

  it('sets the model to the state picked ("" for 全部) and says it changed', async () => {
    const w = mountRadio({ modelValue: 'OPEN', 'onUpdate:modelValue': (v: string) => w.setProps({ modelValue: v }) });
    await w.findAll('input[type=radio]')[2]!.setValue(true);
    await settle();
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual(['']);
    expect(w.emitted('change')).toHaveLength(1);
    w.unmount();
  });
});
