import { GqlClient, GqlError } from '@weiquan/testing';

// GraphQL operations for case tests: the same documents the console and other systems send.
export const CASE_FIELDS = `id caseNo kind state version round nextRoundId previousRoundId repeatOfId ownerUnitId intakeUnitId assignedUnitId handlerId
  consumer { name phone idNumber address masked } respondent { name creditCode } summary outcome amountRecovered followUpAttempts followUpDone satisfaction`;

export const REGISTER = `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { ${CASE_FIELDS} } }`;
export const CASE = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} timeline { action fromState toState actorName note detail } allowedActions { action allowed reasonCode } } }`;
export const CASE_BY_NO = `query($no: String!) { caseByNo(caseNo: $no) { id } }`;
export const CASES = `query($f: CaseFilter, $p: PageInput) { cases(filter: $f, page: $p) { total items { id caseNo state ownerUnitId } } }`;

/** Mutations that take `input: <Name>Input!` and return the case. */
export const MUTATIONS = [
  'requestMaterials',
  'supplyMaterials',
  'acceptCase',
  'rejectCase',
  'decideFiling',
  'dispatchCase',
  'receiveCase',
  'returnCase',
  'recordContact',
  'suspendCase',
  'resumeCase',
  'requestExtension',
  'decideExtension',
  'requestSuspension',
  'decideSuspension',
  'concludeCase',
  'replyCase',
  'answerConsultation',
  'recordFollowUp',
  'archiveCase',
  'declareRecusal',
  'mergeReport',
] as const;
export type MutationName = (typeof MUTATIONS)[number];

const inputType = (name: string) => `${name[0].toUpperCase()}${name.slice(1)}Input`;
const mutationDoc = (name: string) =>
  `mutation($input: ${inputType(name)}!) { ${name}(input: $input) { ${CASE_FIELDS} } }`;

export interface CaseView {
  id: string;
  caseNo: string;
  state: string;
  version: number;
  [k: string]: any;
}

/** A signed-in client with helpers that pass the case's current version. */
export class CaseOps {
  constructor(readonly gql: GqlClient) {}

  async register(input: Record<string, unknown>): Promise<CaseView> {
    return (await this.gql.ok<{ registerCase: CaseView }>(REGISTER, { input })).registerCase;
  }
  async get(id: string): Promise<CaseView> {
    return (await this.gql.ok<{ case: CaseView }>(CASE, { id })).case;
  }
  /** Runs a lifecycle mutation on the case as it is now. */
  async run(
    name: MutationName,
    c: { id: string; version?: number },
    extra: Record<string, unknown> = {},
  ): Promise<CaseView> {
    const version = c.version ?? (await this.get(c.id)).version;
    const input = name === 'declareRecusal' ? { caseId: c.id, ...extra } : { caseId: c.id, version, ...extra };
    return (await this.gql.ok<Record<string, CaseView>>(mutationDoc(name), { input }))[name];
  }
  async fail(
    name: MutationName,
    c: { id: string; version?: number },
    extra: Record<string, unknown> = {},
  ): Promise<GqlError> {
    const input =
      name === 'declareRecusal' ? { caseId: c.id, ...extra } : { caseId: c.id, version: c.version ?? 1, ...extra };
    return this.gql.error(mutationDoc(name), { input });
  }
}

let phoneSeq = 0;
/** A fresh, valid mobile number per call so repeat detection only fires where a test wants it. */
export function freshPhone(): string {
  phoneSeq++;
  return `139${String((Date.now() % 100000) * 100 + (phoneSeq % 100)).padStart(8, '0')}`;
}

export function complaint(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'COMPLAINT',
    channel: 'PHONE_12315',
    consumer: { name: '李四', phone: freshPhone(), address: '鼓楼区五四路 1 号' },
    respondent: { name: '某某电器有限公司', creditCode: '91350100M000100Y43' },
    category: '家用电器',
    amountInvolved: 2999,
    summary: '购买的空调三天后不制冷，商家拒绝退换。',
    demand: '退货退款',
    flags: { consentPublication: true, consentEntrustedMediation: true },
    ...extra,
  };
}
