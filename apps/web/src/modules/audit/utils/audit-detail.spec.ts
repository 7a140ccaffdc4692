import { describe, expect, it } from 'vitest';
import { auditDetailText } from './audit-detail';

describe('auditDetailText', () => {
  it('reads a settings change as 字段：原值 → 新值 in Chinese', () => {
    const text = auditDetailText(
      JSON.stringify({ changed: { numberPrefix: { from: 'QS', to: '青山消保' }, redHead: { from: true, to: false } } }),
    );
    expect(text).toBe('变更：文号前缀：QS → 青山消保；红头：是 → 否');
  });

  it('names a correction’s field and reads enum values through the label dictionary', () => {
    const correction = auditDetailText(
      JSON.stringify({ reason: '来电核实', changes: [{ field: 'majorUrgent', from: false, to: true }] }),
    );
    expect(correction).toBe('理由：来电核实；更正：重大紧急：否 → 是');
    const user = auditDetailText(JSON.stringify({ username: 'gl_t2', roles: ['STATION_STAFF'], unitId: 14 }));
    expect(user).toBe('用户名：gl_t2；角色：站点工作人员；单位编号：14');
  });

  it('never shows a stored key: unknown fields read as 其他, empty values as 空, non-JSON as it is', () => {
    expect(auditDetailText(JSON.stringify({ someNewKey: 'x', note: null }))).toBe('其他：x；备注：空');
    expect(auditDetailText('plain text')).toBe('plain text');
    expect(auditDetailText(null)).toBe('');
    expect(auditDetailText(JSON.stringify({ changed: {} }))).toBe('变更：无');
  });
});
