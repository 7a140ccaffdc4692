/** What a template fills: a snapshot taken when the document is issued, stored on its row. */
export interface DocumentData {
  unit: { header: string; redHead: boolean; sealName: string; phone: string | null; address: string | null };
  docNo: string | null;
  title: string;
  /** 成文日期, e.g. 2026年12月5日 */
  issuedOn: string;
  case: {
    caseNo: string;
    round: number;
    kind: string;
    channel: string;
    receivedOn: string;
    registeredOn: string;
    occurredOn: string | null;
    occurredPlace: string | null;
    category: string | null;
    amount: string | null;
    summary: string;
    demand: string | null;
    consentPublication: boolean;
    consentEntrustedMediation: boolean;
    handlerName: string | null;
    registeredByName: string | null;
  };
  consumer: { name: string; phone: string; idNumber: string; address: string };
  respondent: { name: string; creditCode: string; address: string; phone: string };
  /** Type-specific facts (ground ticked, deadline, dispatch target …). */
  extra: Record<string, unknown>;
  /** True in a copy for readers who may not unmask: personal data already masked. */
  masked?: boolean;
}

export const str = (v: unknown): string => (v == null || v === '' ? '' : String(v));
