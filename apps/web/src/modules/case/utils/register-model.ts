import { isContactPhone, isResidentIdNumber, isUnifiedSocialCreditCode, normalizePhone } from '@weiquan/shared/case';
import type { CaseKind, Channel, RegisterCaseInput } from '@/graphql/generated/graphql';
import type { FormItemRule, FormRules } from 'element-plus';

/** The registration form's state; nested like RegisterCaseInput so server fields map 1:1. */
export interface RegisterForm {
  kind: CaseKind;
  channel: Channel;
  /** ISO instant or '' (= now, the API's default). */
  receivedAt: string;
  consumer: { name: string; phone: string; idNumber: string; address: string; anonymous: boolean };
  respondent: { name: string; creditCode: string; address: string; region: string; industry: string };
  occurredAt: string;
  occurredPlace: string;
  category: string;
  /** 投诉问题类别 code (the problemTypes dictionary), '' = not chosen; complaints only. */
  problemType: string;
  amountInvolved: number | null;
  summary: string;
  demand: string;
  flags: {
    majorUrgent: boolean;
    groupComplaint: boolean;
    mediaAttention: boolean;
    consentPublication: boolean;
    consentEntrustedMediation: boolean;
  };
}

/** Form props (el-form-item `prop`) the API may name in `extensions.field` (after `input.`). */
export const REGISTER_FIELDS = [
  'kind',
  'channel',
  'receivedAt',
  'consumer.name',
  'consumer.phone',
  'consumer.idNumber',
  'consumer.address',
  'respondent.name',
  'respondent.creditCode',
  'respondent.address',
  'respondent.region',
  'respondent.industry',
  'occurredAt',
  'occurredPlace',
  'category',
  'problemType',
  'amountInvolved',
  'summary',
  'demand',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Max lengths as the API enforces them (RegisterCaseInput). */
export const MAX_LENGTH = {
  consumerName: 50,
  consumerAddress: 200,
  respondentName: 100,
  respondentAddress: 200,
  region: 50,
  industry: 50,
  occurredPlace: 200,
  category: 50,
  summary: 5000,
  demand: 2000,
} as const;

export const CATEGORY_SUGGESTIONS = [
  '食品',
  '家用电器',
  '通讯产品',
  '服装鞋帽',
  '汽车及零部件',
  '房屋装修',
  '美容美发',
  '餐饮住宿',
  '教育培训',
  '旅游服务',
  '网络购物',
  '预付卡消费',
  '医疗服务',
  '电信服务',
  '其他',
];

export function blankRegisterForm(channel: Channel = 'PHONE_12315'): RegisterForm {
  return {
    kind: 'COMPLAINT',
    channel,
    receivedAt: '',
    consumer: { name: '', phone: '', idNumber: '', address: '', anonymous: false },
    respondent: { name: '', creditCode: '', address: '', region: '', industry: '' },
    occurredAt: '',
    occurredPlace: '',
    category: '',
    problemType: '',
    amountInvolved: null,
    summary: '',
    demand: '',
    flags: {
      majorUrgent: false,
      groupComplaint: false,
      mediaAttention: false,
      consentPublication: false,
      consentEntrustedMediation: false,
    },
  };
}

const text = (value: string): string | null => value.trim() || null;

// The same checks the API runs (libs/shared case-rules), so the operator sees them before sending.
export const validPhone = (value: string): boolean => !value.trim() || isContactPhone(value);
export const validCreditCode = (value: string): boolean =>
  !value.trim() || isUnifiedSocialCreditCode(value.trim().toUpperCase());
export const validIdNumber = (value: string): boolean => !value.trim() || isResidentIdNumber(value);
export const validAmount = (value: number | null): boolean =>
  value == null || (value >= 0 && Math.round(value * 100) === value * 100);

/** Form → RegisterCaseInput: trimmed, empty → null, phone normalised, credit code upper-cased. */
export function toRegisterInput(form: RegisterForm): RegisterCaseInput {
  const isReport = form.kind === 'REPORT';
  const isComplaint = form.kind === 'COMPLAINT';
  const r = form.respondent;
  const hasRespondent = [r.name, r.creditCode, r.address, r.region, r.industry].some((v) => v.trim());
  return {
    kind: form.kind,
    channel: form.channel,
    receivedAt: form.receivedAt || null,
    consumer: {
      name: text(form.consumer.name),
      phone: form.consumer.phone.trim() ? normalizePhone(form.consumer.phone) : null,
      idNumber: text(form.consumer.idNumber)?.toUpperCase() ?? null,
      address: text(form.consumer.address),
      anonymous: isReport && form.consumer.anonymous,
    },
    respondent: hasRespondent
      ? {
          name: text(r.name),
          creditCode: text(r.creditCode)?.toUpperCase() ?? null,
          address: text(r.address),
          region: text(r.region),
          industry: text(r.industry),
        }
      : null,
    occurredAt: form.occurredAt || null,
    occurredPlace: text(form.occurredPlace),
    category: text(form.category),
    problemType: isComplaint && form.problemType ? form.problemType : null,
    amountInvolved: form.amountInvolved,
    summary: form.summary.trim(),
    demand: text(form.demand),
    flags: {
      ...form.flags,
      consentPublication: isComplaint && form.flags.consentPublication,
      consentEntrustedMediation: isComplaint && form.flags.consentEntrustedMediation,
    },
  };
}

/** The registration form's rules (on blur; the API checks the same): formats, lengths, the narrative. */
export function registerRules(t: (key: string, named?: Record<string, unknown>) => string): FormRules {
  const check = (ok: (value: never) => boolean, message: string): FormItemRule => ({
    trigger: 'blur',
    validator: (_rule, value, callback) => (ok(value as never) ? callback() : callback(new Error(message))),
  });
  const max = (n: number): FormItemRule => ({
    max: n,
    message: t('case.register.rules.tooLong', { max: n }),
    trigger: 'blur',
  });
  return {
    'consumer.phone': [check(validPhone, t('case.register.rules.phoneInvalid'))],
    'consumer.idNumber': [check(validIdNumber, t('case.register.rules.idNumberInvalid'))],
    'consumer.name': [max(MAX_LENGTH.consumerName)],
    'consumer.address': [max(MAX_LENGTH.consumerAddress)],
    'respondent.name': [max(MAX_LENGTH.respondentName)],
    'respondent.creditCode': [check(validCreditCode, t('case.register.rules.creditCodeInvalid'))],
    'respondent.address': [max(MAX_LENGTH.respondentAddress)],
    occurredPlace: [max(MAX_LENGTH.occurredPlace)],
    category: [max(MAX_LENGTH.category)],
    amountInvolved: [check(validAmount, t('case.register.rules.amountInvalid'))],
    summary: [
      { required: true, whitespace: true, message: t('case.register.rules.summaryRequired'), trigger: 'blur' },
      max(MAX_LENGTH.summary),
    ],
    demand: [max(MAX_LENGTH.demand)],
  };
}
