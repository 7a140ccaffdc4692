import { describe, expect, it } from 'vitest';
import { RequestError } from '@/api/errors';
import { fieldOfError, useFormErrors } from './use-form-errors';

const FIELDS = ['staffIds', 'parties', 'record', 'simple'] as const;

describe('fieldOfError', () => {
  it('maps input paths, list items and nested fields to the top-level form field', () => {
    expect(fieldOfError({ code: 'X', field: 'input.staffIds', message: '' }, FIELDS)).toBe('staffIds');
    expect(fieldOfError({ code: 'X', field: 'input.staffIds.1', message: '' }, FIELDS)).toBe('staffIds');
    expect(fieldOfError({ code: 'X', field: 'input.parties.0.name', message: '' }, FIELDS)).toBe('parties');
    expect(fieldOfError({ code: 'X', field: 'record', message: '' }, FIELDS)).toBe('record');
  });

  it('returns null for no field or a field the form does not have', () => {
    expect(fieldOfError({ code: 'X', field: null, message: '' }, FIELDS)).toBeNull();
    expect(fieldOfError({ code: 'X', field: 'input.caseId', message: '' }, FIELDS)).toBeNull();
  });
});

describe('useFormErrors', () => {
  it('puts the ≥2 staff error on 工作人员 and the rest in the alert', () => {
    const errors = useFormErrors(FIELDS);
    const result = errors.apply(
      new RequestError([
        { code: 'MEDIATION_STAFF_TOO_FEW', field: 'input.staffIds', message: '调解应由两名以上工作人员参加' },
        { code: 'CASE_NOT_IN_HANDLING', field: 'input.caseId', message: '案件不在办理中' },
      ]),
    );
    expect(result.conflict).toBe(false);
    expect(errors.fieldErrors.staffIds).toBe('调解应由两名以上工作人员参加');
    expect(errors.general.value?.code).toBe('CASE_NOT_IN_HANDLING');
  });

  it('keeps the first message per field, reports CONFLICT as a conflict (never on a field), and clears', () => {
    const errors = useFormErrors(FIELDS);
    errors.apply(
      new RequestError([
        { code: 'BAD_USER_INPUT', field: 'input.record', message: '请填写调解记录' },
        { code: 'BAD_USER_INPUT', field: 'input.record', message: '调解记录最多 5000 个字符' },
      ]),
    );
    expect(errors.fieldErrors.record).toBe('请填写调解记录');
    const result = errors.apply(
      new RequestError([{ code: 'CONFLICT', field: 'input.version', message: '记录已被他人修改' }]),
    );
    expect(result.conflict).toBe(true);
    expect(errors.fieldErrors.record).toBeUndefined();
    expect(errors.general.value?.code).toBe('CONFLICT');
    errors.clear();
    expect(errors.general.value).toBeNull();
  });

  it('shows a plain Error in the alert', () => {
    const errors = useFormErrors(FIELDS);
    errors.apply(new Error('boom'));
    expect(errors.general.value?.message).toBe('boom');
  });
});
