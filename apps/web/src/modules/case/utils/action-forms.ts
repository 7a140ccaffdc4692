import {
  ContactMethodLabel,
  DispatchModeLabel,
  DispatchTargetTypeLabel,
  FollowUpResultLabel,
  OUTCOMES_BY_KIND,
  OutcomeLabel,
  RejectGroundLabel,
  SatisfactionLabel,
  SuspendReasonLabel,
  TerminationGroundLabel,
  isContactPhone,
} from '@weiquan/shared/case';
import { WorkroomLabel } from '@weiquan/shared/org';
import type { CaseAction, CaseDetailFragment } from '@/graphql/generated/graphql';

// What each action's dialog asks for. Field keys are the mutation input's own keys, so an API
// error on `input.<key>` lands on that field. Labels and messages are i18n keys.

// Values are per-field (strings, numbers, booleans, lists).
export type ActionForm = Record<string, any>;
export type FieldKind =
  | 'textarea'
  | 'text'
  | 'select'
  | 'radio'
  | 'integer'
  | 'money'
  | 'tags'
  | 'unit'
  | 'agency'
  | 'problemType';

export interface Option {
  value: string | boolean;
  /** Plain text (from the shared labels) or, when `i18n`, a message key. */
  label: string;
  i18n?: boolean;
}

export interface ActionField {
  key: string;
  label: string;
  kind: FieldKind;
  options?: (c: CaseDetailFragment) => Option[];
  /** Message key when the field must be filled (in this form state); null when optional. */
  required?: (form: ActionForm) => string | null;
  visible?: (form: ActionForm) => boolean;
  /** Message key when the value is wrong; null when fine. */
  validate?: (value: unknown, form: ActionForm) => string | null;
  initial?: (c: CaseDetailFragment) => unknown;
  placeholder?: string;
  /** Suggested values for `tags`. */
  suggestions?: readonly string[];
}

export interface ActionSpec {
  fields: ActionField[];
  /** Form → mutation input (without caseId/version); defaults to the visible fields. */
  toInput?: (form: ActionForm, c: CaseDetailFragment) => Record<string, unknown>;
}

const options = <K extends string>(labels: Readonly<Record<K, string>>, keys?: readonly K[]): Option[] =>
  (keys ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
const always = (message: string) => () => message;
const when = (test: (form: ActionForm) => boolean, message: string) => (form: ActionForm) =>
  test(form) ? message : null;
const is = (key: string, value: unknown) => (form: ActionForm) => form[key] === value;

const note: ActionField = { key: 'note', label: 'case.action.note', kind: 'textarea' };
const content = (label: string): ActionField => ({
  key: 'content',
  label,
  kind: 'textarea',
  required: always('case.action.contentRequired'),
});

export const MATERIAL_SUGGESTIONS = [
  '消费者身份证明（身份证复印件）',
  '购物凭证（发票、小票、订单截图）',
  '商品或服务照片',
  '与经营者沟通记录',
  '合同或协议',
  '检测报告或鉴定意见',
  '被投诉人的准确名称和地址',
];

// --- i11: 更正 ---
const CORRECTED_TEXT = [
  'consumerName',
  'consumerPhone',
  'consumerAddress',
  'respondentName',
  'category',
  'summary',
  'demand',
];
const CORRECTED_FLAGS = ['majorUrgent', 'groupComplaint', 'mediaAttention'] as const;
const yesNo = (): Option[] => [
  { value: true, label: 'case.correct.yes', i18n: true },
  { value: false, label: 'case.correct.no', i18n: true },
];
/** Identity fields start empty (the case shows them masked): left empty, they stay as they are. */
const correctionInitial = (c: CaseDetailFragment): Record<string, unknown> => ({
  consumerName: c.consumer.name?.includes('*') ? '' : (c.consumer.name ?? ''),
  consumerPhone: '',
  consumerAddress: c.consumer.address ?? '',
  respondentName: c.respondent?.name ?? '',
  category: c.category ?? '',
  problemType: c.problemType ?? '',
  summary: c.summary,
  demand: c.demand ?? '',
  majorUrgent: c.flags.majorUrgent,
  groupComplaint: c.flags.groupComplaint,
  mediaAttention: c.flags.mediaAttention,
});

/** 更正: only what differs from the case is sent (the server refuses a correction that changes nothing). */
export const CORRECT_CASE_SPEC: ActionSpec = {
  fields: [
    ...CORRECTED_TEXT.map(
      (key): ActionField => ({
        key,
        label: `case.correct.field.${key}`,
        kind: key === 'summary' || key === 'demand' ? 'textarea' : 'text',
        initial: (c) => correctionInitial(c)[key],
        placeholder: key === 'consumerPhone' ? 'case.correct.phonePlaceholder' : undefined,
        required: key === 'summary' ? always('case.correct.summaryRequired') : undefined,
        validate:
          key === 'consumerPhone'
            ? (v) =>
                typeof v === 'string' && v.trim() && !isContactPhone(v) ? 'case.register.rules.phoneInvalid' : null
            : undefined,
      }),
    ),
    // 投诉问题类别 from the dictionary's active entries (cleared: sent as '', which the server stores as none)
    {
      key: 'problemType',
      label: 'case.correct.field.problemType',
      kind: 'problemType',
      initial: (c) => c.problemType ?? '',
    },
    ...CORRECTED_FLAGS.map(
      (key): ActionField => ({
        key,
        label: `case.correct.field.${key}`,
        kind: 'radio',
        options: yesNo,
        initial: (c) => c.flags[key],
      }),
    ),
    { key: 'reason', label: 'case.correct.reason', kind: 'textarea', required: always('case.correct.reasonRequired') },
  ],
  toInput: (form, c) => {
    const before = correctionInitial(c);
    const input: Record<string, unknown> = { reason: String(form.reason ?? '').trim() };
    for (const key of CORRECTED_TEXT) {
      const value = String(form[key] ?? '').trim();
      if (value !== String(before[key] ?? '').trim()) input[key] = value;
    }
    const problemType = String(form.problemType ?? '');
    if (problemType !== before.problemType) input.problemType = problemType;
    for (const key of CORRECTED_FLAGS) if (form[key] !== before[key]) input[key] = form[key];
    return input;
  },
};

/** A director's decision: 批准 / 不批准. */
const approval: ActionField = {
  key: 'approved',
  label: 'case.action.approved',
  kind: 'radio',
  options: () => [
    { value: true, label: 'case.action.approve', i18n: true },
    { value: false, label: 'case.action.disapprove', i18n: true },
  ],
  required: (form) => (typeof form.approved === 'boolean' ? null : 'case.action.reasonRequired'),
};

export const ACTION_SPECS: Record<Exclude<CaseAction, 'registerCase'>, ActionSpec> = {
  requestMaterials: {
    fields: [
      {
        key: 'missingItems',
        label: 'case.action.missingItems',
        kind: 'tags',
        suggestions: MATERIAL_SUGGESTIONS,
        placeholder: 'case.action.missingItemsPlaceholder',
        initial: () => [],
        required: (form) =>
          (form.missingItems as string[] | undefined)?.length ? null : 'case.action.missingItemsRequired',
      },
      note,
    ],
  },
  supplyMaterials: { fields: [note] },
  acceptCase: { fields: [note] },
  rejectCase: {
    fields: [
      {
        key: 'ground',
        label: 'case.action.ground',
        kind: 'select',
        options: () => options(RejectGroundLabel),
        required: always('case.action.groundRequired'),
      },
      {
        key: 'referralAuthority',
        label: 'case.action.referralAuthority',
        kind: 'text',
        required: when(is('ground', 'OUTSIDE_JURISDICTION'), 'case.action.referralRequired'),
      },
      {
        key: 'referralPhone',
        label: 'case.action.referralPhone',
        kind: 'text',
        required: when(is('ground', 'OUTSIDE_JURISDICTION'), 'case.action.referralRequired'),
        validate: (v) =>
          typeof v === 'string' && v.trim() && !isContactPhone(v) ? 'case.register.rules.phoneInvalid' : null,
      },
      note,
    ],
  },
  answerConsultation: { fields: [content('case.action.answerContent'), note] },
  decideFiling: {
    fields: [
      {
        key: 'filed',
        label: 'case.action.filed',
        kind: 'radio',
        options: () => [
          { value: true, label: 'case.action.filedYes', i18n: true },
          { value: false, label: 'case.action.filedNo', i18n: true },
        ],
        required: (form) => (typeof form.filed === 'boolean' ? null : 'case.action.outcomeRequired'),
      },
      {
        key: 'reason',
        label: 'case.action.filingReason',
        kind: 'textarea',
        required: when(is('filed', false), 'case.action.filingReasonRequired'),
      },
      note,
    ],
  },
  dispatchCase: {
    fields: [
      {
        key: 'targetType',
        label: 'case.action.targetType',
        kind: 'radio',
        options: () => options(DispatchTargetTypeLabel),
        initial: () => 'UNIT',
        required: always('case.action.targetRequired'),
      },
      {
        key: 'workroom',
        label: 'case.action.workroom',
        kind: 'select',
        options: () => options(WorkroomLabel),
        visible: is('targetType', 'WORKROOM'),
        required: always('case.action.targetRequired'),
      },
      {
        key: 'unitId',
        label: 'case.action.unit',
        kind: 'unit',
        placeholder: 'case.action.unitPlaceholder',
        visible: is('targetType', 'UNIT'),
        required: always('case.action.targetRequired'),
      },
      {
        key: 'externalAgencyId',
        label: 'case.action.agency',
        kind: 'agency',
        visible: is('targetType', 'EXTERNAL'),
        required: always('case.action.targetRequired'),
      },
      {
        key: 'mode',
        label: 'case.action.mode',
        kind: 'radio',
        options: () => options(DispatchModeLabel),
        required: always('case.action.modeRequired'),
      },
      { key: 'instructions', label: 'case.action.instructions', kind: 'textarea' },
      note,
    ],
  },
  receiveCase: { fields: [note] },
  handUpCase: {
    fields: [
      {
        key: 'reason',
        label: 'case.action.handUpReason',
        kind: 'textarea',
        required: always('case.action.reasonRequired'),
      },
      note,
    ],
  },
  returnCase: {
    fields: [
      {
        key: 'reason',
        label: 'case.action.returnReason',
        kind: 'textarea',
        required: always('case.action.reasonRequired'),
      },
      note,
    ],
  },
  recordContact: {
    fields: [
      {
        key: 'method',
        label: 'case.action.method',
        kind: 'radio',
        options: () => options(ContactMethodLabel),
        initial: () => 'PHONE',
        required: always('case.action.contentRequired'),
      },
      content('case.action.content'),
      note,
    ],
  },
  // An investigation suspension is asked for (requestSuspension) and decided by a director
  // (decideSuspension); the direct step offers the reasons that need no approval.
  suspendCase: {
    fields: [
      {
        key: 'reason',
        label: 'case.action.suspendReason',
        kind: 'radio',
        options: () => options(SuspendReasonLabel, ['TESTING', 'AWAITING_MATERIALS']),
        required: always('case.action.reasonRequired'),
      },
      note,
    ],
  },
  resumeCase: { fields: [note] },
  requestExtension: {
    fields: [
      {
        key: 'reason',
        label: 'case.action.extensionReason',
        kind: 'textarea',
        required: always('case.action.reasonRequired'),
      },
      {
        key: 'days',
        label: 'case.action.extensionDays',
        kind: 'integer',
        initial: () => 5,
        required: always('case.action.reasonRequired'),
      },
      note,
    ],
  },
  decideExtension: { fields: [approval, note] },
  requestSuspension: {
    fields: [
      {
        key: 'reason',
        label: 'case.action.suspensionReason',
        kind: 'textarea',
        required: always('case.action.reasonRequired'),
      },
      note,
    ],
  },
  decideSuspension: { fields: [approval, note] },
  concludeCase: {
    fields: [
      {
        key: 'outcome',
        label: 'case.action.outcome',
        kind: 'radio',
        options: (c) => options(OutcomeLabel, OUTCOMES_BY_KIND[c.kind]),
        required: always('case.action.outcomeRequired'),
      },
      {
        key: 'terminationGround',
        label: 'case.action.terminationGround',
        kind: 'select',
        options: () => options(TerminationGroundLabel),
        visible: is('outcome', 'TERMINATED'),
        required: always('case.action.terminationGroundRequired'),
      },
      {
        key: 'agreementText',
        label: 'case.action.agreementText',
        kind: 'textarea',
        visible: is('outcome', 'MEDIATED'),
      },
      {
        key: 'amountRecovered',
        label: 'case.action.amountRecovered',
        kind: 'money',
        visible: (form) => form.outcome !== 'ANSWERED' && form.outcome !== 'ADOPTED',
        validate: (v) => (typeof v === 'number' && v < 0 ? 'case.action.amountInvalid' : null),
      },
      note,
    ],
  },
  replyCase: { fields: [content('case.action.replyContent'), note] },
  recordFollowUp: {
    fields: [
      {
        key: 'result',
        label: 'case.action.followUpResult',
        kind: 'radio',
        options: () => options(FollowUpResultLabel),
        initial: () => 'REACHED',
        required: always('case.action.outcomeRequired'),
      },
      {
        key: 'satisfaction',
        label: 'case.action.satisfaction',
        kind: 'radio',
        options: () => options(SatisfactionLabel),
        visible: is('result', 'REACHED'),
        required: always('case.action.satisfactionRequired'),
      },
      note,
    ],
  },
  archiveCase: { fields: [note] },
  correctCase: CORRECT_CASE_SPEC,
  mergeReport: {
    fields: [
      {
        key: 'intoCaseId',
        label: 'case.action.intoCaseId',
        kind: 'text',
        required: always('case.action.contentRequired'),
      },
      note,
    ],
  },
};

export function isVisible(field: ActionField, form: ActionForm): boolean {
  return field.visible ? field.visible(form) : true;
}

export function initialForm(spec: ActionSpec, c: CaseDetailFragment): ActionForm {
  const form: ActionForm = {};
  for (const field of spec.fields) {
    const textual = field.kind === 'text' || field.kind === 'textarea';
    form[field.key] = field.initial ? field.initial(c) : textual ? '' : undefined;
  }
  return form;
}

/** Message key of the first problem with one field, or null. */
export function fieldProblem(field: ActionField, form: ActionForm): string | null {
  if (!isVisible(field, form)) return null;
  const value = form[field.key];
  const empty =
    value === undefined ||
    value === null ||
    (typeof value === 'string' && !value.trim()) ||
    (Array.isArray(value) && value.length === 0);
  const required = field.required?.(form) ?? null;
  if (required && empty) return required;
  if (!empty && field.validate) return field.validate(value, form);
  return null;
}

/** Visible fields only; strings trimmed, empty → omitted. */
export function toActionInput(spec: ActionSpec, form: ActionForm, c: CaseDetailFragment): Record<string, unknown> {
  if (spec.toInput) return spec.toInput(form, c);
  const input: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (!isVisible(field, form)) continue;
    let value = form[field.key];
    if (typeof value === 'string') value = value.trim();
    if (value === '' || value === undefined || value === null) continue;
    input[field.key] = value;
  }
  return input;
}
