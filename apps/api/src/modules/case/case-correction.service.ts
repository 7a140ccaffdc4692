import { Injectable } from '@nestjs/common';
import { normalizePhone } from '@weiquan/shared';
import {
  Actor,
  AuditWriter,
  CaseCorrection,
  CaseEntity,
  CaseLifecycleService,
  CORRECTABLE_FIELDS,
  correctCase,
} from '@weiquan/core';
import { CorrectCaseInput } from './case-correction.input';

/**
 * 更正: the correctCase step through the lifecycle's single entry (lock, version, transition table —
 * refused once concluded — effect, timeline entry with old and new values, hooks: a newly set flag
 * notifies the directors). The unmasked old and new values go to the audit log in the same transaction.
 */
@Injectable()
export class CaseCorrectionService {
  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly audit: AuditWriter,
  ) {}

  correct(actor: Actor, i: CorrectCaseInput): Promise<CaseEntity> {
    const input: CaseCorrection = {};
    for (const f of CORRECTABLE_FIELDS) if (i[f] !== undefined) (input as Record<string, unknown>)[f] = i[f];
    if (typeof input.consumerPhone === 'string' && input.consumerPhone.trim())
      input.consumerPhone = normalizePhone(input.consumerPhone);
    for (const f of ['consumerIdNumber', 'respondentCreditCode'] as const) {
      const v = input[f];
      if (typeof v === 'string') input[f] = v.toUpperCase();
    }
    const reason = i.reason.trim();
    return this.lifecycle.transition(
      actor,
      { caseId: i.caseId, version: i.version, action: 'correctCase', note: reason },
      async ({ m, c, detail }) => {
        const r = correctCase(c, input, reason);
        Object.assign(c, r.patch);
        Object.assign(detail, r.detail);
        await this.audit.record(
          m,
          actor,
          'case.correct',
          { type: 'case', id: c.id },
          { reason, changes: r.auditChanges },
        );
      },
    );
  }
}
