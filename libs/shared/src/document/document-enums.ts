// Documents (文书): the SAMR forms (国市监网监〔2019〕242号) as adapted to Order 121, the station's
// registration form (seed 000 附件1) and the case file (卷宗).

type ValueOf<T> = T[keyof T];

export const DocumentType = {
  COMPLAINT_REGISTRATION: 'COMPLAINT_REGISTRATION',
  STATION_REGISTRATION: 'STATION_REGISTRATION',
  MATERIALS_NOTICE: 'MATERIALS_NOTICE',
  ACCEPTANCE_DECISION: 'ACCEPTANCE_DECISION',
  ACCEPTANCE_NOTICE: 'ACCEPTANCE_NOTICE',
  REJECTION_DECISION: 'REJECTION_DECISION',
  DISPATCH_NOTICE: 'DISPATCH_NOTICE',
  MEDIATION_NOTICE: 'MEDIATION_NOTICE',
  TERMINATION_DECISION: 'TERMINATION_DECISION',
  MEDIATION_AGREEMENT: 'MEDIATION_AGREEMENT',
  REPORT_RESULT_NOTICE: 'REPORT_RESULT_NOTICE',
  EXTENSION_APPROVAL: 'EXTENSION_APPROVAL',
  CASE_FILE: 'CASE_FILE',
  // Issue #15 (e): the legal workroom's statement of claim joins the registry.
  CIVIL_COMPLAINT: 'CIVIL_COMPLAINT',
} as const;
export type DocumentType = ValueOf<typeof DocumentType>;

export const DocumentTypeLabel: Readonly<Record<DocumentType, string>> = {
  COMPLAINT_REGISTRATION: '投诉登记表',
  STATION_REGISTRATION: '消费投诉登记表（站点）',
  MATERIALS_NOTICE: '补正材料一次性告知书',
  ACCEPTANCE_DECISION: '投诉受理决定书',
  ACCEPTANCE_NOTICE: '举报受理通知书',
  REJECTION_DECISION: '投诉不予受理决定书',
  DISPATCH_NOTICE: '投诉/举报分送通知书',
  MEDIATION_NOTICE: '投诉调解通知书',
  TERMINATION_DECISION: '投诉终止调解决定书',
  MEDIATION_AGREEMENT: '投诉调解书',
  REPORT_RESULT_NOTICE: '举报处理结果告知书',
  EXTENSION_APPROVAL: '延期审批表',
  CASE_FILE: '卷宗',
  CIVIL_COMPLAINT: '民事起诉状',
};

/** Which file variant: the archived original, a masked copy for outside readers, an editable Word copy. */
export const DocumentVariant = { FULL: 'FULL', MASKED: 'MASKED', DOCX: 'DOCX' } as const;
export type DocumentVariant = ValueOf<typeof DocumentVariant>;
export const DocumentVariantLabel: Readonly<Record<DocumentVariant, string>> = {
  FULL: '原件',
  MASKED: '脱敏件',
  DOCX: 'Word 可编辑稿',
};

/** Number format tokens; a format must contain {year} and {seq}. */
export const DEFAULT_DOCUMENT_NUMBER_FORMAT = '{prefix}{abbr}〔{year}〕第{seq}号';

export function isValidNumberFormat(f: string): boolean {
  return f.includes('{year}') && f.includes('{seq}') && !/\{(?!prefix\}|abbr\}|year\}|seq\})/.test(f);
}

/**
 * The 文号 prefix a unit starts with before an administrator sets its own: the unit's name without the
 * network's suffix, plus 消保 (消费者权益保护), e.g. 鼓楼区消费者维权中心 → 鼓楼区消保 (鼓楼区消保诉受〔2026〕第5号).
 * Chinese, like every number a government office signs; never the unit's internal code.
 */
export function defaultDocumentPrefix(unitName: string): string {
  const place = unitName.replace(/(消费者维权中心|消费者?维权服务站|消费者协会)$/, '').trim();
  return `${place || unitName}消保`;
}

export function formatDocumentNumber(format: string, p: { prefix: string; abbr: string; year: number; seq: number }) {
  return format
    .replaceAll('{prefix}', p.prefix)
    .replaceAll('{abbr}', p.abbr)
    .replaceAll('{year}', String(p.year))
    .replaceAll('{seq}', String(p.seq));
}

// --- Issue #16 (public site): the documents a consumer receives (listed on the progress page). ---
/**
 * Documents addressed to the consumer (or reporter): the decisions and notices the rules say are
 * served on them. Not the registration forms, dispatch notices, extension approvals, case files or
 * drafts, which stay inside.
 */
export const CONSUMER_DOCUMENT_TYPES: readonly DocumentType[] = [
  'MATERIALS_NOTICE',
  'ACCEPTANCE_DECISION',
  'ACCEPTANCE_NOTICE',
  'REJECTION_DECISION',
  'MEDIATION_NOTICE',
  'TERMINATION_DECISION',
  'MEDIATION_AGREEMENT',
  'REPORT_RESULT_NOTICE',
];
