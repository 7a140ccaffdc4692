import type { RejectGround } from '@weiquan/shared';
import { defineStep, StepRef, userOf } from './case-step';

/** 一次性告知: the missing items, once. */
export const requestMaterialsStep = defineStep<StepRef & { missingItems: readonly string[] }>({
  action: 'requestMaterials',
  guardInput: (i) => ({ missingItems: clean(i.missingItems) }),
  apply({ c, detail }, i) {
    const missingItems = clean(i.missingItems);
    c.missingItems = missingItems;
    c.materialsRequestCount += 1;
    detail.missingItems = missingItems;
  },
});

export const supplyMaterialsStep = defineStep({ action: 'supplyMaterials' });

export const acceptCaseStep = defineStep({ action: 'acceptCase' });

export interface RejectStepInput extends StepRef {
  ground: RejectGround;
  referralAuthority?: string | null;
  referralPhone?: string | null;
}

/** 不予受理: the ground, and where the consumer may turn instead. */
export const rejectCaseStep = defineStep<RejectStepInput>({
  action: 'rejectCase',
  guardInput: (i) => ({
    ground: i.ground,
    referral: { authority: i.referralAuthority ?? undefined, phone: i.referralPhone ?? undefined },
  }),
  apply({ c, detail }, i) {
    c.rejectGround = i.ground;
    c.referralAuthority = i.referralAuthority ?? null;
    c.referralPhone = i.referralPhone ?? null;
    Object.assign(detail, { ground: i.ground, referralAuthority: i.referralAuthority, referralPhone: i.referralPhone });
  },
});

/** 立案 (reports). */
export const decideFilingStep = defineStep<StepRef & { filed: boolean; reason?: string | null }>({
  action: 'decideFiling',
  guardInput: (i) => ({ filed: i.filed, reason: i.reason ?? undefined }),
  apply({ c, detail }, i) {
    c.filed = i.filed;
    Object.assign(detail, { filed: i.filed, reason: i.reason });
  },
});

/** 即办 answer of a consultation: answered and concluded at once by whoever answers. */
export const answerConsultationStep = defineStep<StepRef & { content: string }>({
  action: 'answerConsultation',
  guardInput: (i) => ({ content: i.content }),
  apply({ c, actor, now }, i) {
    c.outcome = 'ANSWERED';
    c.replyContent = i.content;
    c.repliedAt = now;
    c.concludedAt = now;
    c.handlerId = userOf(actor);
  },
});

function clean(items: readonly string[]): string[] {
  return items.map((s) => s.trim()).filter(Boolean);
}
