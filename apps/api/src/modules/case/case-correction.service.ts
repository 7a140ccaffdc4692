import { Injectable } from '@nestjs/common';
import { normalizePhone } from '@weiquan/shared';
import {
  Actor,
  CaseCorrection,
  CaseEntity,
  CaseLifecycleService,
  CORRECTABLE_FIELDS,
  correctCaseStep,
} from '@weiquan/core';
import { CorrectCaseInput } from './case-correction.input';

/**
 * 更正: the correctCase step (correctCaseStep) through the lifecycle's single entry (lock, version, transition table —
 * refused once concluded — effect, timeline entry with old and new values, hooks: a newly set flag
 * notifies the directors). The unmasked old and new values go to the audit log in the same transaction.
 */
@Injectable()
export class CaseCorrectionService {
  constructor(private readonly lifecycle: CaseLifecycleService) {}

  correct(actor: Actor, i: CorrectCaseInput): Promise<CaseEntity> {
    const input: CaseCorrection = {};
    for (const f of CORRECTABLE_FIELDS) if (i[f] !== undefined) (input as Record<string, unknown>)[f] = i[f];
    if (typeof input.consumerPhone === 'string' && input.consumerPhone.trim())
      input.consumerPhone = normalizePhone(input.consumerPhone);
    for (const f of ['consumerIdNumber', 'respondentCreditCode'] as const) {
      const v = input[f];
      if (typeof v === 'string') input[f] = v.toUpperCase();
    }
    return this.lifecycle.run(actor, correctCaseStep, {
      caseId: i.caseId,
      version: i.version,
      correction: input,
      reason: i.reason.trim(),
    });
  }
}
