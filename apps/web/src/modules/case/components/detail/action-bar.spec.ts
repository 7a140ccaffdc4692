import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { withPlugins } from '@/test-utils/mount';
import type { AllowedActionItem } from '../../utils/action-buttons';
import { toActionButtons } from '../../utils/action-buttons';
import ActionBar from './action-bar.vue';

// What the API returns for a complaint at REGISTERED seen by a receptionist of another unit,
// mixed with allowed steps.
const ALLOWED: AllowedActionItem[] = [
  { action: 'requestMaterials', label: '一次性告知补正材料', allowed: true, reasonCode: null, reason: null },
  { action: 'acceptCase', label: '受理', allowed: true, reasonCode: null, reason: null },
  { action: 'rejectCase', label: '不予受理', allowed: true, reasonCode: null, reason: null },
  {
    action: 'recordContact',
    label: '办理记录',
    allowed: false,
    reasonCode: 'NOT_CASE_UNIT',
    reason: '您不属于该案件的受理单位或承办单位',
  },
  { action: 'mergeReport', label: '并案', allowed: false, reasonCode: 'FORBIDDEN_ROLE', reason: null },
];

describe('toActionButtons', () => {
  it('keeps only the offered actions: allowed → enabled, not allowed → disabled with the reason', () => {
    const buttons = toActionButtons(ALLOWED);
    expect(buttons.map((b) => [b.action, b.enabled])).toEqual([
      ['requestMaterials', true],
      ['acceptCase', true],
      ['rejectCase', true],
      ['recordContact', false],
      ['mergeReport', false],
    ]);
    expect(buttons.find((b) => b.action === 'acceptCase')).toMatchObject({
      reason: null,
      type: 'primary',
      destructive: false,
    });
    expect(buttons.find((b) => b.action === 'recordContact')?.reason).toBe('您不属于该案件的受理单位或承办单位');
    // Without a message the code is still shown rather than nothing.
    expect(buttons.find((b) => b.action === 'mergeReport')?.reason).toBe('FORBIDDEN_ROLE');
  });

  it('marks reject, return and archive as destructive', () => {
    const buttons = toActionButtons([
      { action: 'rejectCase', label: '不予受理', allowed: true, reasonCode: null, reason: null },
      { action: 'returnCase', label: '退回', allowed: true, reasonCode: null, reason: null },
      { action: 'archiveCase', label: '归档', allowed: true, reasonCode: null, reason: null },
      { action: 'receiveCase', label: '签收', allowed: true, reasonCode: null, reason: null },
    ]);
    expect(buttons.filter((b) => b.destructive).map((b) => b.action)).toEqual([
      'rejectCase',
      'returnCase',
      'archiveCase',
    ]);
    expect(buttons.filter((b) => b.destructive).every((b) => b.type === 'danger')).toBe(true);
  });

  it('never offers registerCase on an existing case', () => {
    expect(
      toActionButtons([{ action: 'registerCase', label: '登记', allowed: true, reasonCode: null, reason: null }]),
    ).toEqual([]);
  });
});

describe('ActionBar', () => {
  const mountBar = (allowedActions: AllowedActionItem[]) =>
    mount(ActionBar, { props: { allowedActions }, global: withPlugins() });

  it('renders enabled buttons for allowed actions and emits the action on click', async () => {
    const wrapper = mountBar(ALLOWED);
    const accept = wrapper.find('button[data-action="acceptCase"]');
    expect(accept.exists()).toBe(true);
    expect(accept.attributes('disabled')).toBeUndefined();
    expect(accept.text()).toBe('受理');

    await accept.trigger('click');
    expect(wrapper.emitted('act')).toEqual([['acceptCase', '受理']]);
    wrapper.unmount();
  });

  it('renders disabled buttons with the reason for actions not allowed now, and they do not emit', async () => {
    const wrapper = mountBar(ALLOWED);
    const contact = wrapper.find('button[data-action="recordContact"]');
    expect(contact.attributes('disabled')).toBeDefined();
    expect(contact.element.closest('[data-reason]')?.getAttribute('data-reason')).toBe(
      '您不属于该案件的受理单位或承办单位',
    );

    await contact.trigger('click');
    expect(wrapper.emitted('act')).toBeUndefined();
    wrapper.unmount();
  });

  it('shows no button for actions the state does not offer, and says so when none is offered', () => {
    const wrapper = mountBar([]);
    expect(wrapper.findAll('button')).toHaveLength(0);
    expect(wrapper.text()).toContain('当前状态下没有可执行的操作');
    wrapper.unmount();
  });
});
