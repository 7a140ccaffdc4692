import { AppError } from '../../errors/app-error';
import type { CaseEntity } from '../../entities/case.entity';
import { defineStep, StepRef } from './case-step';

/**
 * 并案: a new report against the same business is merged into an open report (the target, locked by the
 * caller in the same transaction). This report closes; the open one records the new facts and its
 * verification clocks restart from the latest report's receipt (the deadline engine).
 */
export const mergeReportStep = defineStep<StepRef & { target: CaseEntity }>({
  action: 'mergeReport',
  apply({ c, detail, more }, { target }) {
    if (
      target.id === c.id ||
      target.kind !== 'REPORT' ||
      !target.isOpen ||
      ['CLOSED', 'REJECTED', 'NOT_FILED', 'ARCHIVED'].includes(target.state)
    ) {
      throw new AppError('MERGE_TARGET_INVALID', '只能并入另一件在办的举报', 'input.intoCaseId');
    }
    const sameBusiness = c.respondentCreditCode
      ? c.respondentCreditCode === target.respondentCreditCode
      : !!c.respondentName && c.respondentName === target.respondentName;
    if (!sameBusiness)
      throw new AppError('MERGE_DIFFERENT_RESPONDENT', '只能并入针对同一经营者的举报', 'input.intoCaseId');
    c.mergedIntoId = target.id;
    detail.mergedInto = target.caseNo;
    more.push({
      caseId: target.id,
      action: 'mergedReport',
      note: c.summary,
      detail: {
        from: c.caseNo,
        receivedAt: c.receivedAt.toISOString(),
        restartClockFrom: c.receivedAt.toISOString(),
      },
    });
  },
});
