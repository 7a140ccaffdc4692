import { In, type EntityManager } from 'typeorm';
import { CaseFlagLabel, maskIdNumber, maskName, maskPhone } from '@weiquan/shared';
import type { CaseEntity } from '../../entities/case.entity';
import { AppError } from '../../errors/app-error';
import { ProblemTypeEntity } from '../../entities/problem-type.entity';
import { activeProblemType } from '../problem-type';
import { defineStep, StepRef } from './case-step';

/** The details of a registered case a correction may change (更正), by entity field. */
export const CORRECTABLE_FIELDS = [
  'consumerName',
  'consumerPhone',
  'consumerIdNumber',
  'consumerAddress',
  'respondentName',
  'respondentCreditCode',
  'respondentAddress',
  'occurredAt',
  'occurredPlace',
  'category',
  'problemType',
  'amountInvolved',
  'summary',
  'demand',
  'majorUrgent',
  'groupComplaint',
  'mediaAttention',
] as const satisfies readonly (keyof CaseEntity)[];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** New values; a field left out (or null) stays as it is, an empty string clears an optional text. */
export type CaseCorrection = Partial<{ [K in CorrectableField]: CaseEntity[K] | '' | null }>;

export interface CorrectionChange {
  field: CorrectableField;
  from: unknown;
  to: unknown;
}

export interface CorrectCaseResult {
  /** What to assign to the case. */
  patch: Partial<Pick<CaseEntity, CorrectableField>>;
  /** The timeline entry: each change with its old and new value (identity numbers masked), and the flags newly set. */
  detail: { reason: string; changes: CorrectionChange[]; flagsSet: string[] };
  /** The same changes unmasked, for the audit log (administrators only). */
  auditChanges: CorrectionChange[];
}

const REQUIRED: ReadonlySet<CorrectableField> = new Set(['summary']);
const FLAGS = {
  majorUrgent: 'MAJOR_URGENT',
  groupComplaint: 'GROUP_COMPLAINT',
  mediaAttention: 'MEDIA_ATTENTION',
} as const;
// The timeline is read by everybody who may read the case; identity numbers appear there masked as in the case view.
const MASK: Partial<Record<CorrectableField, (v: string) => string>> = {
  consumerPhone: maskPhone,
  consumerIdNumber: maskIdNumber,
};

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * 更正: the effect of the correctCase step. Compares the requested values with the case and returns
 * only what changes; nothing to change or a required field cleared is a coded error (nothing stored).
 * A reporter's or anonymous consumer's name is masked on the timeline like everywhere else.
 */
export function correctCase(c: CaseEntity, input: CaseCorrection, reason: string): CorrectCaseResult {
  const patch: Record<string, unknown> = {};
  const changes: CorrectionChange[] = [];
  const auditChanges: CorrectionChange[] = [];
  const confidential = c.anonymous || c.kind === 'REPORT';
  for (const field of CORRECTABLE_FIELDS) {
    const raw = input[field];
    if (raw === undefined || raw === null) continue;
    const value = typeof raw === 'string' ? raw.trim() || null : raw;
    if (value === null && REQUIRED.has(field)) throw AppError.badInput(`input.${field}`, '事情经过不能为空');
    const old = c[field];
    if (comparable(old ?? null) === comparable(value)) continue;
    patch[field] = value;
    auditChanges.push({ field, from: comparable(old ?? null), to: comparable(value) });
    const mask = MASK[field] ?? (field === 'consumerName' && confidential ? maskName : undefined);
    const shown = (v: unknown) => (v != null && mask ? mask(String(v)) : comparable(v ?? null));
    changes.push({ field, from: shown(old), to: shown(value) });
  }
  if (!changes.length) throw new AppError('NOTHING_TO_CORRECT', '没有需要更正的内容（与现有信息相同）', 'input');
  const flagsSet = (Object.keys(FLAGS) as (keyof typeof FLAGS)[])
    .filter((f) => patch[f] === true)
    .map((f) => CaseFlagLabel[FLAGS[f]]);
  return {
    patch: patch as CorrectCaseResult['patch'],
    detail: { reason, changes, flagsSet },
    auditChanges,
  };
}

/** 更正 as a step: the timeline shows old and new values (identity numbers masked), the audit log keeps them whole. */
export const correctCaseStep = defineStep<StepRef & { correction: CaseCorrection; reason: string }>({
  action: 'correctCase',
  note: (i) => i.reason,
  async apply({ m, c, actor, detail, services }, i) {
    const r = correctCase(c, i.correction, i.reason);
    if (r.patch.problemType) await activeProblemType(m, r.patch.problemType, 'input.problemType');
    await nameProblemTypes(m, r.detail.changes);
    Object.assign(c, r.patch);
    Object.assign(detail, r.detail);
    await services.audit(
      m,
      actor,
      'case.correct',
      { type: 'case', id: c.id },
      { reason: i.reason, changes: r.auditChanges },
    );
  },
});

/** The timeline names a problem type as people know it (the dictionary's name), not by its opaque code. */
async function nameProblemTypes(m: EntityManager, changes: CorrectionChange[]): Promise<void> {
  const change = changes.find((ch) => ch.field === 'problemType');
  if (!change) return;
  const codes = [change.from, change.to].filter((v): v is string => typeof v === 'string');
  const rows = codes.length ? await m.findBy(ProblemTypeEntity, { code: In(codes) }) : [];
  const name = (v: unknown) => rows.find((r) => r.code === v)?.name ?? v;
  change.from = name(change.from);
  change.to = name(change.to);
}
