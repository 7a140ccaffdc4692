import type { CaseAction } from '@weiquan/shared';
import type { CaseStep } from './case-step';
import * as intake from './intake.steps';
import * as dispatch from './dispatch.steps';
import * as handling from './handling.steps';
import * as closing from './closing.steps';
import * as report from './report.steps';
import { correctCaseStep } from './correct-case.step';

export * from './case-step';
export * from './intake.steps';
export * from './dispatch.steps';
export * from './handling.steps';
export * from './closing.steps';
export * from './report.steps';
export * from './registration.step';
export * from './correct-case.step';

/** Every step of the transition table but registration (written in batches: registerCaseStep), by action. */
export const CASE_STEPS: Readonly<Record<Exclude<CaseAction, 'registerCase'>, CaseStep<never>>> = {
  requestMaterials: intake.requestMaterialsStep,
  supplyMaterials: intake.supplyMaterialsStep,
  acceptCase: intake.acceptCaseStep,
  rejectCase: intake.rejectCaseStep,
  answerConsultation: intake.answerConsultationStep,
  decideFiling: intake.decideFilingStep,
  dispatchCase: dispatch.dispatchCaseStep,
  receiveCase: dispatch.receiveCaseStep,
  returnCase: dispatch.returnCaseStep,
  handUpCase: dispatch.handUpCaseStep,
  recordContact: handling.recordContactStep,
  suspendCase: handling.suspendCaseStep,
  resumeCase: handling.resumeCaseStep,
  requestExtension: handling.requestExtensionStep,
  decideExtension: handling.decideExtensionStep,
  requestSuspension: handling.requestSuspensionStep,
  decideSuspension: handling.decideSuspensionStep,
  concludeCase: handling.concludeCaseStep,
  replyCase: closing.replyCaseStep,
  recordFollowUp: closing.recordFollowUpStep,
  archiveCase: closing.archiveCaseStep,
  mergeReport: report.mergeReportStep,
  correctCase: correctCaseStep,
};
