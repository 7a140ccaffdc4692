import { describe, expect, it } from 'vitest';
import type { CaseDetailFragment } from '@/graphql/generated/graphql';
import { ACTION_SPECS, fieldProblem, initialForm, toActionInput } from './action-forms';

const complaint = { kind: 'COMPLAINT' } as CaseDetailFragment;
const field = (action: keyof typeof ACTION_SPECS, key: string) =>
  ACTION_SPECS[action].fields.find((f) => f.key === key)!;

describe('action forms', () => {
  it('requires a referral (authority and valid phone) only when the ground is 不属于职责范围', () => {
    const form = { ground: 'TIME_BARRED', referralAuthority: '', referralPhone: '' };
    expect(fieldProblem(field('rejectCase', 'referralAuthority'), form)).toBeNull();
    form.ground = 'OUTSIDE_JURISDICTION';
    expect(fieldProblem(field('rejectCase', 'referralAuthority'), form)).toBe('case.action.referralRequired');
    form.referralPhone = '123';
    expect(fieldProblem(field('rejectCase', 'referralPhone'), form)).toBe('case.register.rules.phoneInvalid');
    form.referralPhone = '12358';
    expect(fieldProblem(field('rejectCase', 'referralPhone'), form)).toBeNull();
  });

  it('offers only the outcomes of the case kind and asks for a termination ground when terminating', () => {
    const outcomes = field('concludeCase', 'outcome').options!(complaint).map((o) => o.label);
    expect(outcomes).toEqual(['调解成功', '调解不成', '撤回', '终止调解']);
    const form = { outcome: 'TERMINATED', terminationGround: undefined };
    expect(fieldProblem(field('concludeCase', 'terminationGround'), form)).toBe(
      'case.action.terminationGroundRequired',
    );
    form.outcome = 'MEDIATED';
    expect(fieldProblem(field('concludeCase', 'terminationGround'), form)).toBeNull();
  });

  it('sends only the visible dispatch target with the mode', () => {
    const spec = ACTION_SPECS.dispatchCase;
    const form = {
      ...initialForm(spec, complaint),
      unitId: '17',
      workroom: 'LEGAL',
      mode: 'ON_BEHALF',
      instructions: ' 请尽快联系 ',
    };
    expect(toActionInput(spec, form, complaint)).toEqual({
      targetType: 'UNIT',
      unitId: '17',
      mode: 'ON_BEHALF',
      instructions: '请尽快联系',
    });
  });

  it('asks for satisfaction only when the consumer was reached', () => {
    const sat = field('recordFollowUp', 'satisfaction');
    expect(fieldProblem(sat, { result: 'REACHED' })).toBe('case.action.satisfactionRequired');
    expect(fieldProblem(sat, { result: 'UNREACHABLE' })).toBeNull();
  });

  it('更正 sends the problem type only when it changed, and an emptied one as a clearing empty string', () => {
    const c = {
      kind: 'COMPLAINT',
      consumer: { name: '李四', address: null },
      respondent: { name: '某某公司' },
      category: '家用电器',
      problemType: 'QUALITY',
      summary: '经过',
      demand: null,
      flags: { majorUrgent: false, groupComplaint: false, mediaAttention: false },
    } as unknown as CaseDetailFragment;
    const spec = ACTION_SPECS.correctCase;
    const form = initialForm(spec, c);
    expect(form.problemType).toBe('QUALITY');
    expect(toActionInput(spec, { ...form, reason: '理由' }, c)).toEqual({ reason: '理由' });
    expect(toActionInput(spec, { ...form, reason: '理由', problemType: 'PRICE' }, c)).toEqual({
      reason: '理由',
      problemType: 'PRICE',
    });
    expect(toActionInput(spec, { ...form, reason: '理由', problemType: '' }, c)).toEqual({
      reason: '理由',
      problemType: '',
    });
  });
});
