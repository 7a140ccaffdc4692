// One small GraphQL client for the public site: POST /graphql, errors turned into { message, field, code }.

export interface PublicError {
  message: string;
  code: string;
  field: string | null;
}

export class PublicApiError extends Error {
  constructor(readonly errors: PublicError[]) {
    super(errors[0]?.message ?? '请求失败');
  }
  /** The message for a form field (`input.phone` → 'phone'), if the server named it. */
  forField(name: string): string | null {
    return this.errors.find((e) => e.field === `input.${name}` || e.field === name)?.message ?? null;
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown>, fetcher = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetcher('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new PublicApiError([{ message: '网络连接失败，请稍后再试', code: 'NETWORK', field: null }]);
  }
  const body = (await res.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  };
  if (body.errors?.length || !body.data)
    throw new PublicApiError(
      (body.errors ?? [{ message: '服务暂不可用，请稍后再试' }]).map((e) => ({
        message: e.message,
        code: e.extensions?.code ?? 'UNKNOWN',
        field: e.extensions?.field ?? null,
      })),
    );
  return body.data;
}

export const SUBMIT = `mutation($input: PublicSubmissionInput!) { publicSubmit(input: $input) { caseNo queryCode kindLabel receivedAt unitName unitPhone } }`;
export const SEND_SMS_CODE = `mutation($phone: String!) { publicSendSmsCode(phone: $phone) { validMinutes } }`;
const PROGRESS_FIELDS = `caseNo kindLabel stage explanation receivedAt unitName unitPhone promisedDates { label dueAt } steps { label at } reply followUpOpen satisfactionLabel nextRoundCaseNo documents { ref title docNo issuedAt }`;
export const PROGRESS = `query($input: PublicLookupInput!) { publicCaseProgress(input: $input) { ${PROGRESS_FIELDS} } }`;
export const SEND_LOOKUP_CODE = `mutation($input: PublicLookupCodeInput!) { publicSendLookupCode(input: $input) { validMinutes } }`;
export const DOCUMENT_LINK = `mutation($input: PublicDocumentLinkInput!) { publicDocumentLink(input: $input) { url } }`;
export const FOLLOW_UP = `mutation($input: PublicFollowUpInput!) { publicAnswerFollowUp(input: $input) { ${PROGRESS_FIELDS} } }`;

export interface Receipt {
  caseNo: string;
  queryCode: string;
  kindLabel: string;
  receivedAt: string;
  unitName: string;
  unitPhone: string | null;
}

export interface Progress {
  caseNo: string;
  kindLabel: string;
  stage: string;
  explanation: string;
  receivedAt: string;
  unitName: string;
  unitPhone: string | null;
  promisedDates: { label: string; dueAt: string }[];
  steps: { label: string; at: string }[];
  reply: string | null;
  followUpOpen: boolean;
  satisfactionLabel: string | null;
  nextRoundCaseNo: string | null;
  documents: { ref: string; title: string; docNo: string | null; issuedAt: string }[];
}

/** 2026年12月5日 14:30 in Shanghai time, whatever the phone's zone. */
export function formatTime(iso: string, withTime = true): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  if (!withTime) return date;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
}

/** Uploads one evidence file of a submitted case; null when stored, else the reason in Chinese. */
export async function uploadEvidence(
  caseNo: string,
  queryCode: string,
  file: File,
  fetcher = fetch,
): Promise<string | null> {
  const form = new FormData();
  form.append('caseNo', caseNo);
  form.append('queryCode', queryCode);
  form.append('file', file, file.name);
  try {
    const res = await fetcher('/api/public/evidence', { method: 'POST', body: form });
    if (res.ok) return null;
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    return body.message ?? '上传失败';
  } catch {
    return '网络连接失败，文件未上传';
  }
}

// 典型案例 (typical cases): a list newest first with the total, and one case by its ref.
export const TYPICAL_CASES = `query($k: String, $o: Int, $l: Int) { publicTypicalCases(keyword: $k, offset: $o, limit: $l) { total items { ref title category problemType unitName publishedAt excerpt } } }`;
export const TYPICAL_CASE = `query($r: String!) { publicTypicalCase(ref: $r) { ref title category problemType unitName publishedAt facts handling lesson } }`;

export interface TypicalCaseSummary {
  ref: string;
  title: string;
  category: string | null;
  problemType: string | null;
  unitName: string;
  publishedAt: string;
  excerpt: string;
}

export interface TypicalCase extends Omit<TypicalCaseSummary, 'excerpt'> {
  facts: string;
  handling: string;
  lesson: string;
}

/** Staff write paragraphs separated by line breaks; blank lines and stray spaces are not paragraphs. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

// 服务成效 (public performance): the offered units and months, and one unit's month.
export const PERFORMANCE_OPTIONS = `{ publicPerformanceOptions { units { ref name } months } }`;
export const PERFORMANCE = `query($u: String!, $m: String!) { publicPerformance(unit: $u, month: $m) { unitName month frozen figures { name rate numerator denominator numeratorLabel denominatorLabel explanation } } }`;

export interface PerformanceFigure {
  name: string;
  rate: string | null;
  numerator: number;
  denominator: number;
  numeratorLabel: string;
  denominatorLabel: string;
  explanation: string;
}

export interface Performance {
  unitName: string;
  month: string;
  frozen: boolean;
  figures: PerformanceFigure[];
}

/** '2026-06' → '2026年6月'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}
