import { DataSource } from 'typeorm';
import { CaseEntity, FRESH_CASE_PROGRESS, OrgUnitEntity } from '@weiquan/core';
import type { CaseKind, CaseState } from '@weiquan/shared';

let seq = 0;

/**
 * Inserts a case row directly (no lifecycle) for tests that need a case in a given unit and state.
 * Lifecycle tests must go through GraphQL instead.
 */
export async function insertCase(
  ds: DataSource,
  opts: {
    unitCode: string;
    intakeUnitCode?: string;
    kind?: CaseKind;
    state?: CaseState;
    consumerPhone?: string;
    respondentName?: string;
    summary?: string;
    receivedAt?: Date;
  },
): Promise<CaseEntity> {
  const units = ds.getRepository(OrgUnitEntity);
  const owner = await units.findOneByOrFail({ code: opts.unitCode });
  const intake = opts.intakeUnitCode ? await units.findOneByOrFail({ code: opts.intakeUnitCode }) : owner;
  const now = new Date();
  const state = opts.state ?? 'IN_PROGRESS';
  const n = `${process.pid}${Date.now().toString(36)}${(seq++).toString(36)}`;
  const repo = ds.getRepository(CaseEntity);
  const row = repo.create({
    ...FRESH_CASE_PROGRESS,
    caseNo: `T-${n}`.slice(0, 32),
    kind: opts.kind ?? 'COMPLAINT',
    channel: 'PHONE_12315',
    state,
    isOpen: state !== 'ARCHIVED',
    round: 1,
    receivedAt: opts.receivedAt ?? now,
    registeredAt: now,
    intakeUnitId: intake.id,
    ownerUnitId: owner.id,
    ownerPath: owner.path,
    assignedUnitId: owner.id === intake.id ? null : owner.id,
    consumerName: '测试消费者',
    consumerPhone: opts.consumerPhone ?? '13800000000',
    anonymous: false,
    respondentName: opts.respondentName ?? '测试商户有限公司',
    summary: opts.summary ?? '测试案件',
    majorUrgent: false,
    groupComplaint: false,
    mediaAttention: false,
    consentPublication: false,
    consentEntrustedMediation: false,
  });
  return repo.save(row);
}
