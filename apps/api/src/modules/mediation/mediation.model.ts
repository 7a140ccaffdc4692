import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MediationAgreementEntity, TestingCommissionEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';
import { toCaseModel } from '../case/case.mapper';
import { CaseModel } from '../case/case.model';
import type { InvestigationView, QueueRow, SessionView } from './mediation-query.service';
import {
  AgreementPerformance,
  MediationMode,
  MediationPartyRole,
  MediationResult,
  TestingCostParty,
  TestingStatus,
} from './mediation.enums';
import { WorkroomWorkItem } from '../../common/work-item.model';

const id = (v: string | number | null | undefined) => (v == null ? null : String(v));

@ObjectType('MediationStaff', { description: '参加的工作人员' })
export class MediationStaffModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType('MediationParty', { description: '参加调解的当事人（非工作人员）' })
export class MediationPartyModel {
  @Field(() => MediationPartyRole) role: MediationPartyRole;
  @Field() name: string;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('MediationSession', { description: '调解记录（电话、视频、短信、现场调解）' })
export class MediationSessionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID, { description: '组织调解的单位' }) unitId: string;
  @Field(() => MediationMode) mode: MediationMode;
  @Field() heldAt: Date;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field({ description: '简易调解（一名工作人员）' }) simple: boolean;
  @Field({ description: '双方当事人同意调解' }) partiesConsented: boolean;
  @Field(() => [MediationStaffModel]) staff: MediationStaffModel[];
  @Field(() => [MediationPartyModel]) parties: MediationPartyModel[];
  @Field({ description: '调解记录' }) record: string;
  @Field(() => MediationResult) result: MediationResult;
  @Field(() => String, { nullable: true }) resultNote: string | null;
  @Field(() => ID, { nullable: true }) recordedById: string | null;
  @Field() recordedAt: Date;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => Int, { description: '乐观锁版本，修改时原样传回' }) version: number;
}

@ObjectType('Investigation', { description: '现场调查' })
export class InvestigationModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID) unitId: string;
  @Field() investigatedAt: Date;
  @Field() place: string;
  @Field(() => [MediationStaffModel]) staff: MediationStaffModel[];
  @Field({ description: '调查情况' }) findings: string;
  @Field(() => String, { nullable: true, description: '取得的证据（说明）' }) evidenceNote: string | null;
  @Field(() => [ID], { description: '本案证据材料' }) evidenceIds: string[];
  @Field(() => ID, { nullable: true }) recordedById: string | null;
  @Field() recordedAt: Date;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType('TestingCommission', { description: '检测鉴定委托；检测期间案件中止、计时暂停' })
export class TestingCommissionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID) unitId: string;
  @Field() agencyName: string;
  @Field({ description: '机构的法定资质' }) agencyQualification: string;
  @Field(() => [String]) items: string[];
  @Field(() => TestingCostParty, { description: '费用垫付方' }) costAdvancedBy: TestingCostParty;
  @Field(() => Float, { nullable: true }) estimatedCost: number | null;
  @Field() commissionedAt: Date;
  @Field(() => TestingStatus) status: TestingStatus;
  @Field({ description: '本委托使案件中止（计时暂停）' }) suspendedCase: boolean;
  @Field(() => String, { nullable: true, description: '检测鉴定结论' }) result: string | null;
  @Field(() => Float, { nullable: true }) actualCost: number | null;
  @Field(() => TestingCostParty, { nullable: true, description: '费用承担方' }) costBorneBy: TestingCostParty | null;
  @Field(() => Date, { nullable: true }) resultAt: Date | null;
  @Field(() => ID, { nullable: true }) recordedById: string | null;
  @Field(() => Int) version: number;
}

@ObjectType('MediationAgreement', { description: '调解协议及履行情况' })
export class MediationAgreementModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID) unitId: string;
  @Field(() => ID, { nullable: true }) sessionId: string | null;
  @Field() terms: string;
  @Field(() => Float, { nullable: true }) amount: number | null;
  @Field() signedAt: Date;
  @Field(() => Date, { nullable: true }) performanceDueAt: Date | null;
  @Field(() => AgreementPerformance) performance: AgreementPerformance;
  @Field(() => String, { nullable: true }) performanceNote: string | null;
  @Field(() => Date, { nullable: true }) performanceRecordedAt: Date | null;
  @Field(() => ID, { nullable: true, description: '未履行且案件已办结时自动发起的督办' }) supervisionId: string | null;
  @Field(() => ID, { nullable: true }) recordedById: string | null;
  @Field() recordedAt: Date;
  @Field(() => Int) version: number;
}

@ObjectType('MediationQueueItem', {
  implements: () => [WorkroomWorkItem],
  description: '维权服务工作队列中的一件：在办案件及其最早到期的计时',
})
export class MediationQueueItemModel implements WorkroomWorkItem {
  @Field(() => CaseModel, { name: 'case' }) case: CaseModel;
  @Field(() => Date, { nullable: true, description: '最早到期的运行中计时（案件的 dueAt）；没有运行中的计时时为空' })
  dueAt: Date | null;
  @Field(() => Float, { nullable: true, description: '剩余毫秒（负数为已超期；无期限为空）——各工作室待办同一字段' })
  timeLeftMs: number | null;
  @Field() overdue: boolean;
  @Field({ description: '案件中止（检测鉴定等），办结时限暂停；不随中止暂停的计时（如首次联系）仍在运行' })
  suspended: boolean;
  @Field(() => Int) sessionCount: number;
  @Field(() => Int, { description: '检测鉴定中的委托' }) runningTestingCount: number;
  @Field(() => Int, { description: '待履行或未履行的调解协议' }) openAgreementCount: number;
}

@ObjectType('MediationQueuePage')
export class MediationQueuePage extends PageOf(MediationQueueItemModel, 'MediationQueuePageBase') {}

export function toMediationSessionModel({ session: s, staff }: SessionView): MediationSessionModel {
  return {
    id: String(s.id),
    caseId: String(s.caseId),
    unitId: String(s.unitId),
    mode: s.mode as MediationMode,
    heldAt: s.heldAt,
    place: s.place,
    simple: s.simple,
    partiesConsented: s.partiesConsented,
    staff,
    parties: (s.parties ?? []).map((p) => ({ role: p.role as MediationPartyRole, name: p.name, note: p.note ?? null })),
    record: s.record,
    result: s.result as MediationResult,
    resultNote: s.resultNote,
    recordedById: id(s.recordedById),
    recordedAt: s.recordedAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

export function toInvestigationModel({ investigation: i, staff }: InvestigationView): InvestigationModel {
  return {
    id: String(i.id),
    caseId: String(i.caseId),
    unitId: String(i.unitId),
    investigatedAt: i.investigatedAt,
    place: i.place,
    staff,
    findings: i.findings,
    evidenceNote: i.evidenceNote,
    evidenceIds: (i.evidenceIds ?? []).map(String),
    recordedById: id(i.recordedById),
    recordedAt: i.recordedAt,
    updatedAt: i.updatedAt,
    version: i.version,
  };
}

export function toTestingCommissionModel(t: TestingCommissionEntity): TestingCommissionModel {
  return {
    id: String(t.id),
    caseId: String(t.caseId),
    unitId: String(t.unitId),
    agencyName: t.agencyName,
    agencyQualification: t.agencyQualification,
    items: t.items ?? [],
    costAdvancedBy: t.costAdvancedBy as TestingCostParty,
    estimatedCost: t.estimatedCost,
    commissionedAt: t.commissionedAt,
    status: t.status,
    suspendedCase: t.suspendedCase,
    result: t.result,
    actualCost: t.actualCost,
    costBorneBy: t.costBorneBy as TestingCostParty | null,
    resultAt: t.resultAt,
    recordedById: id(t.recordedById),
    version: t.version,
  };
}

export function toMediationAgreementModel(a: MediationAgreementEntity): MediationAgreementModel {
  return {
    id: String(a.id),
    caseId: String(a.caseId),
    unitId: String(a.unitId),
    sessionId: id(a.sessionId),
    terms: a.terms,
    amount: a.amount,
    signedAt: a.signedAt,
    performanceDueAt: a.performanceDueAt,
    performance: a.performance,
    performanceNote: a.performanceNote,
    performanceRecordedAt: a.performanceRecordedAt,
    supervisionId: id(a.supervisionId),
    recordedById: id(a.recordedById),
    recordedAt: a.recordedAt,
    version: a.version,
  };
}

export function toMediationQueueItemModel(r: QueueRow): MediationQueueItemModel {
  const { c, ...rest } = r;
  return { case: toCaseModel(c), ...rest };
}
