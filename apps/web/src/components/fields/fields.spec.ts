import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computed, defineComponent, h, type PropType } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import FormDialog from '@/components/form-dialog.vue';
import { useDialogForm } from '@/composables/use-dialog-form';
import { requiredChoice, requiredList, requiredText, textOrNull } from '@/utils/form-rules';
import { settle, withPlugins } from '@/test-utils/mount';
import MoneyField from './money-field.vue';
import RadioField from './radio-field.vue';
import TagsField from './tags-field.vue';
import TextField from './text-field.vue';

type Party = 'CONSUMER' | 'BUSINESS';
const PARTY_LABEL: Record<Party, string> = { CONSUMER: '消费者', BUSINESS: '经营者' };
type Values = { name: string; note: string | null; party: Party | null; tags: string[]; amount: number | null };

// A dialog built only from the shared fields, the way the workroom dialogs use them.
const Harness = defineComponent({
  props: {
    modelValue: { type: Boolean, required: true },
    onSaved: { type: Function as PropType<(values: Values) => void>, required: true },
  },
  emits: ['update:modelValue'],
  setup(props, { emit, expose }) {
    const visible = computed({ get: () => props.modelValue, set: (v: boolean) => emit('update:modelValue', v) });
    const dialog = useDialogForm({
      visible,
      fields: ['name', 'note', 'party', 'tags', 'amount'] as const,
      init: () => ({
        name: '',
        note: '',
        party: null as Party | null,
        tags: [] as string[],
        amount: null as number | null,
      }),
    });
    const { form } = dialog;
    const rules = {
      name: requiredText('请填写姓名'),
      party: requiredChoice('请选择承担方'),
      tags: requiredList('请至少填写一项'),
    };
    expose({ form });
    const bind = <K extends keyof typeof form>(key: K) => ({
      modelValue: form[key],
      'onUpdate:modelValue': (v: (typeof form)[K]) => (form[key] = v),
    });
    return () =>
      h(
        FormDialog,
        {
          modelValue: visible.value,
          'onUpdate:modelValue': (v: boolean) => (visible.value = v),
          title: '测试',
          form: dialog,
          rules,
          onSubmit: () =>
            dialog.submit(async () =>
              props.onSaved({
                name: form.name.trim(),
                note: textOrNull(form.note),
                party: form.party,
                tags: [...form.tags],
                amount: form.amount,
              }),
            ),
        },
        () => [
          h(TextField, { ...bind('name'), label: '姓名', prop: 'name', maxlength: 50, 'data-testid': 'f-name' }),
          h(TextField, { ...bind('note'), label: '备注', prop: 'note', rows: 3, 'data-testid': 'f-note' }),
          h(RadioField<Party>, {
            modelValue: form.party,
            'onUpdate:modelValue': (v: Party | null | undefined) => (form.party = v ?? null),
            label: '承担方',
            prop: 'party',
            options: ['CONSUMER', 'BUSINESS'] as Party[],
            labelOf: (p: Party) => PARTY_LABEL[p],
          }),
          h(TagsField, { ...bind('tags'), label: '项目', prop: 'tags', suggestions: ['甲醛', '噪声'] }),
          h(MoneyField, { ...bind('amount'), label: '金额', prop: 'amount' }),
        ],
      );
  },
});

const body = () => document.body;
const input = (testid: string) =>
  body().querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `input[data-testid="${testid}"], textarea[data-testid="${testid}"]`,
  )!;
const itemOf = (label: string) =>
  [...body().querySelectorAll('.el-form-item')].find(
    (i) => i.querySelector('.el-form-item__label')?.textContent === label,
  )!;
const errorOf = (label: string) => itemOf(label)?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';

async function type(testid: string, value: string): Promise<void> {
  const el = input(testid);
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await settle();
}

describe('shared dialog fields (TextField, TextField rows, RadioField, TagsField, MoneyField)', () => {
  let wrapper: VueWrapper;
  let saved: Values[];

  beforeEach(async () => {
    saved = [];
    wrapper = mount(Harness, {
      props: { modelValue: false, onSaved: (v: Values) => saved.push(v) },
      global: withPlugins(),
      attachTo: body(),
    });
    await wrapper.setProps({ modelValue: true });
    await settle();
  });

  afterEach(() => wrapper.unmount());

  it('renders each field with its label and control, passing attributes to the control; nothing red on opening', () => {
    expect(input('f-name').tagName).toBe('INPUT');
    expect(input('f-name').getAttribute('maxlength')).toBe('50');
    expect(input('f-note').tagName).toBe('TEXTAREA');
    const radios = [...itemOf('承担方').querySelectorAll('.el-radio')].map((r) => r.textContent?.trim());
    expect(radios).toEqual(['消费者', '经营者']);
    expect(itemOf('项目').querySelector('.el-select')).not.toBeNull();
    expect(itemOf('金额').querySelector('.el-input-number')).not.toBeNull();
    expect(body().querySelectorAll('.el-form-item.is-error')).toHaveLength(0);
  });

  it('checks a required text when the user leaves it, and clears the message as soon as the value is right', async () => {
    input('f-name').dispatchEvent(new FocusEvent('focus'));
    input('f-name').dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(errorOf('姓名')).toBe('请填写姓名');
    expect(errorOf('承担方')).toBe('');
    await type('f-name', '王五');
    expect(errorOf('姓名')).toBe('');
  });

  it('checks every rule on submit and sends nothing while one fails', async () => {
    await type('f-name', '   ');
    body().querySelector<HTMLButtonElement>('[data-testid="form-submit"]')!.click();
    await settle();
    expect(errorOf('姓名')).toBe('请填写姓名');
    expect(errorOf('承担方')).toBe('请选择承担方');
    expect(errorOf('项目')).toBe('请至少填写一项');
    expect(saved).toHaveLength(0);
  });

  it('submits the values the user gave (empty optional text as null)', async () => {
    await type('f-name', ' 王五 ');
    itemOf('承担方').querySelectorAll<HTMLInputElement>('.el-radio input')[1]!.click();
    (wrapper.vm as unknown as { form: { tags: string[]; amount: number | null } }).form.tags = ['甲醛'];
    (wrapper.vm as unknown as { form: { amount: number | null } }).form.amount = 120.5;
    await settle();
    body().querySelector<HTMLButtonElement>('[data-testid="form-submit"]')!.click();
    await settle();
    expect(saved).toEqual([{ name: '王五', note: null, party: 'BUSINESS', tags: ['甲醛'], amount: 120.5 }]);
  });
});
