import { ref, shallowRef } from 'vue';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { RequestError } from '@/api/errors';
import { request } from '@/api/request';
import {
  AcceptCaseDocument,
  AnswerConsultationDocument,
  ArchiveCaseDocument,
  CaseDetailDocument,
  ConcludeCaseDocument,
  CorrectCaseDocument,
  DecideExtensionDocument,
  DecideSuspensionDocument,
  DecideFilingDocument,
  DeclareRecusalDocument,
  DispatchCaseDocument,
  MergeReportDocument,
  ReceiveCaseDocument,
  RecordContactDocument,
  RecordFollowUpDocument,
  RejectCaseDocument,
  ReplyCaseDocument,
  RequestExtensionDocument,
  RequestSuspensionDocument,
  RequestMaterialsDocument,
  ResumeCaseDocument,
  ReturnCaseDocument,
  HandUpCaseDocument,
  SupplyMaterialsDocument,
  SuspendCaseDocument,
  UnmaskConsumerDocument,
  type CaseAction,
  type CaseDetailFragment,
} from '@/graphql/generated/graphql';

type CaseMutation = TypedDocumentNode<Record<string, CaseDetailFragment>, { input: Record<string, unknown> }>;
const as = (doc: unknown) => doc as CaseMutation;

/** One mutation per step; each takes { caseId, version, …inputs } and returns the case. */
const MUTATIONS: Record<Exclude<CaseAction, 'registerCase'>, CaseMutation> = {
  requestMaterials: as(RequestMaterialsDocument),
  supplyMaterials: as(SupplyMaterialsDocument),
  acceptCase: as(AcceptCaseDocument),
  rejectCase: as(RejectCaseDocument),
  answerConsultation: as(AnswerConsultationDocument),
  decideFiling: as(DecideFilingDocument),
  dispatchCase: as(DispatchCaseDocument),
  receiveCase: as(ReceiveCaseDocument),
  returnCase: as(ReturnCaseDocument),
  handUpCase: as(HandUpCaseDocument),
  recordContact: as(RecordContactDocument),
  suspendCase: as(SuspendCaseDocument),
  resumeCase: as(ResumeCaseDocument),
  requestExtension: as(RequestExtensionDocument),
  requestSuspension: as(RequestSuspensionDocument),
  decideSuspension: as(DecideSuspensionDocument),
  decideExtension: as(DecideExtensionDocument),
  concludeCase: as(ConcludeCaseDocument),
  replyCase: as(ReplyCaseDocument),
  recordFollowUp: as(RecordFollowUpDocument),
  archiveCase: as(ArchiveCaseDocument),
  mergeReport: as(MergeReportDocument),
  correctCase: as(CorrectCaseDocument),
};

export type ActionOutcome = { kind: 'done'; case: CaseDetailFragment } | { kind: 'conflict' };

/** The case on the detail page: load, run a step with the version we saw, reload on CONFLICT. */
export function useCaseDetail(id: () => string) {
  const caseData = shallowRef<CaseDetailFragment | null>(null);
  const loading = ref(false);
  const notFound = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const data = await request(CaseDetailDocument, { id: id() });
      caseData.value = data.case;
      notFound.value = false;
    } catch (error) {
      // Out of scope reads as not found: the API never says a case exists elsewhere.
      if (
        error instanceof RequestError &&
        (error.hasCode('NOT_FOUND') || error.hasCode('FORBIDDEN') || error.hasCode('BAD_USER_INPUT'))
      ) {
        caseData.value = null;
        notFound.value = true;
        return;
      }
      throw error;
    } finally {
      loading.value = false;
    }
  }

  /**
   * Runs one step. Every mutation sends the version the user saw; when someone else changed the
   * case meanwhile the API answers CONFLICT and we reload (the caller tells the user).
   * Other errors are thrown for the dialog to show.
   */
  async function runAction(action: CaseAction, input: Record<string, unknown>): Promise<ActionOutcome> {
    const current = caseData.value;
    if (!current || action === 'registerCase') throw new Error('no case loaded');
    try {
      const data = await request(MUTATIONS[action], {
        input: { ...input, caseId: current.id, version: current.version },
      });
      const updated = Object.values(data)[0]!;
      caseData.value = updated;
      return { kind: 'done', case: updated };
    } catch (error) {
      if (error instanceof RequestError && error.hasCode('CONFLICT')) {
        await load();
        return { kind: 'conflict' };
      }
      throw error;
    }
  }

  async function declareRecusal(reason: string): Promise<void> {
    const current = caseData.value;
    if (!current) return;
    const data = await request(DeclareRecusalDocument, { input: { caseId: current.id, reason } });
    caseData.value = data.declareRecusal;
  }

  async function unmask(reason: string): Promise<void> {
    const current = caseData.value;
    if (!current) return;
    const data = await request(UnmaskConsumerDocument, { input: { caseId: current.id, reason } });
    caseData.value = { ...current, consumer: data.unmaskConsumer };
  }

  return { caseData, loading, notFound, load, runAction, declareRecusal, unmask };
}
