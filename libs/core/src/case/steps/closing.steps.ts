import { FollowUpResult, nextStateAfterFollowUp, Satisfaction } from '@weiquan/shared';
import { CaseFollowUpEntity } from '../../entities/case-records.entity';
import { defineStep, StepRef } from './case-step';

/** 回复: intake tells the consumer the result. */
export const replyCaseStep = defineStep<StepRef & { content: string }>({
  action: 'replyCase',
  guardInput: (i) => ({ content: i.content }),
  apply({ c, now }, i) {
    c.replyContent = i.content;
    c.repliedAt = now;
  },
});

export interface FollowUpStepInput extends StepRef {
  result: FollowUpResult;
  satisfaction?: Satisfaction | null;
  followUpNote?: string | null;
}

/** 回访. Reached + unsatisfied: this case is followed up and a new linked round is registered. */
export const recordFollowUpStep = defineStep<FollowUpStepInput>({
  action: 'recordFollowUp',
  guardInput: (i) => ({ followUpResult: i.result, satisfaction: i.satisfaction ?? undefined }),
  async apply({ m, c, actor, now, detail, services }, i) {
    const attempt = c.followUpAttempts + 1;
    await m.insert(CaseFollowUpEntity, {
      caseId: c.id,
      attempt,
      at: now,
      byUserId: actor.id,
      result: i.result,
      satisfaction: i.satisfaction ?? null,
      note: i.followUpNote ?? null,
    });
    c.followUpAttempts = attempt;
    const next = nextStateAfterFollowUp({ followUpResult: i.result, satisfaction: i.satisfaction ?? undefined });
    c.followUpDone = next.followUpDone;
    if (next.followUpDone) c.satisfaction = i.satisfaction ?? null;
    Object.assign(detail, { attempt, result: i.result, satisfaction: i.satisfaction ?? undefined });
    if (next.newRound) {
      const nextRound = await services.registerNextRound(m, actor, c);
      c.nextRoundId = nextRound.id;
      detail.nextRound = nextRound.caseNo;
    }
  },
});

export const archiveCaseStep = defineStep({
  action: 'archiveCase',
  apply({ c, now }) {
    c.archivedAt = now;
  },
});
