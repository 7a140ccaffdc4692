import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CourtReferralStatus,
  CourtReferralStatusLabel,
  CourtReferralType,
  CourtReferralTypeLabel,
  DepartmentHandlingMode,
  DepartmentHandlingModeLabel,
  DepartmentHandlingStatus,
  DepartmentHandlingStatusLabel,
  LinkageMessageKind,
  LinkageMessageKindLabel,
} from '@weiquan/core';
import type { DeadlineStatus } from '@weiquan/core';
import { PageOf } from '../../common/paging';
import { ExternalAgencyModel, OrgUnitModel, toExternalAgencyModel, toOrgUnitModel } from '../org-unit/org-unit.model';
import { LitigationLinkWorkItemKind } from './litigation-link.enums';
import type {
  CourtReferralView,
  DepartmentHandlingView,
  ExpertSeminarView,
  ExpertView,
  LinkageMessageView,
} from './litigation-link-views.service';
import { WorkroomWorkItem } from '../../common/work-item.model';

const id = (v: string | number | null) => (v == null ? null : String(v));

// ---- 移送法院 ----

@ObjectType('CourtReferral', { description: '移送法院：诉前调解或调解协议司法确认，及其状态' })
export class CourtReferralModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() caseNo: string;
  @Field(() => CourtReferralType) type: CourtReferralType;
  @Field() typeLabel: string;
  @Field(() => ExternalAgencyModel, { description: '法院' }) court: ExternalAgencyModel;
  @Field(() => CourtReferralStatus) status: CourtReferralStatus;
  @Field() statusLabel: string;
  @Field({ description: '仍在法院办理中（已移送或已受理）' }) open: boolean;
  @Field({ description: '移送事由及说明' }) matter: string;
  @Field(() => String, { nullable: true, description: '法院案号' }) courtCaseNo: string | null;
  @Field(() => String, { nullable: true, description: '法院反馈或办理情况（最近一次）' }) statusNote: string | null;
  @Field(() => ID, { description: '移送单位（中心）' }) unitId: string;
  @Field(() => OrgUnitModel) unit: OrgUnitModel;
  @Field(() => ID, { nullable: true }) referredById: string | null;
  @Field() sentAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { nullable: true }) mediatedAt: Date | null;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true }) rejectedAt: Date | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: '乐观锁版本，修改时原样传回' }) version: number;
}

export function toCourtReferralModel(v: CourtReferralView): CourtReferralModel {
  const r = v.item;
  return {
    id: String(r.id),
    caseId: String(r.caseId),
    caseNo: v.caseNo,
    type: r.type,
    typeLabel: CourtReferralTypeLabel[r.type],
    court: toExternalAgencyModel(v.court),
    status: r.status,
    statusLabel: CourtReferralStatusLabel[r.status],
    open: r.status === 'SENT' || r.status === 'ACCEPTED',
    matter: r.matter,
    courtCaseNo: r.courtCaseNo,
    statusNote: r.statusNote,
    unitId: String(r.unitId),
    unit: toOrgUnitModel(v.unit),
    referredById: id(r.referredById),
    sentAt: r.sentAt,
    acceptedAt: r.acceptedAt,
    mediatedAt: r.mediatedAt,
    confirmedAt: r.confirmedAt,
    rejectedAt: r.rejectedAt,
    withdrawnAt: r.withdrawnAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

@ObjectType('CourtReferralPage')
export class CourtReferralPage extends PageOf(CourtReferralModel, 'CourtReferralPageBase') {}

// ---- 联办、移交 ----

@ObjectType('DepartmentDeadline', { description: '商定办理期限的计时（时限引擎中的 DEPARTMENT_AGREED 计时）' })
export class DepartmentDeadlineModel {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'RUNNING 计时中；MET 已停止计时（办结）；BREACHED 已超期；CANCELLED 已撤销' })
  status: DeadlineStatus;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => Date, { nullable: true }) stoppedAt: Date | null;
  @Field(() => Date, { nullable: true }) breachedAt: Date | null;
}

@ObjectType('DepartmentHandling', { description: '与其他部门联办或移交，共同协商的办理期限计时' })
export class DepartmentHandlingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() caseNo: string;
  @Field(() => ExternalAgencyModel, { description: '部门' }) department: ExternalAgencyModel;
  @Field(() => DepartmentHandlingMode) mode: DepartmentHandlingMode;
  @Field() modeLabel: string;
  @Field(() => DepartmentHandlingStatus) status: DepartmentHandlingStatus;
  @Field() statusLabel: string;
  @Field() matter: string;
  @Field(() => String, { nullable: true }) contactPerson: string | null;
  @Field(() => String, { nullable: true }) contactPhone: string | null;
  @Field({ description: '商定的办理期限（当日 24 时前），YYYY-MM-DD' }) agreedDeadline: string;
  @Field(() => DepartmentDeadlineModel, { nullable: true }) deadline: DepartmentDeadlineModel | null;
  @Field({ description: '计时已超期（或已过期限仍在办理）' }) overdue: boolean;
  @Field(() => String, { nullable: true, description: '办理结果或撤销原因' }) result: string | null;
  @Field(() => ID) unitId: string;
  @Field(() => OrgUnitModel) unit: OrgUnitModel;
  @Field(() => ID, { nullable: true }) startedById: string | null;
  @Field() startedAt: Date;
  @Field(() => ID, { nullable: true }) closedById: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => Int, { description: '乐观锁版本，修改时原样传回' }) version: number;
}

export function toDepartmentHandlingModel(v: DepartmentHandlingView): DepartmentHandlingModel {
  const h = v.item;
  const d = v.deadline;
  return {
    id: String(h.id),
    caseId: String(h.caseId),
    caseNo: v.caseNo,
    department: toExternalAgencyModel(v.department),
    mode: h.mode,
    modeLabel: DepartmentHandlingModeLabel[h.mode],
    status: h.status,
    statusLabel: DepartmentHandlingStatusLabel[h.status],
    matter: h.matter,
    contactPerson: h.contactPerson,
    contactPhone: h.contactPhone,
    agreedDeadline: h.agreedDeadline,
    deadline: d
      ? { id: String(d.id), status: d.status, dueAt: d.dueAt, stoppedAt: d.stoppedAt, breachedAt: d.breachedAt }
      : null,
    overdue: v.overdue,
    result: h.result,
    unitId: String(h.unitId),
    unit: toOrgUnitModel(v.unit),
    startedById: id(h.startedById),
    startedAt: h.startedAt,
    closedById: id(h.closedById),
    closedAt: h.closedAt,
    version: h.version,
  };
}

@ObjectType('DepartmentHandlingPage')
export class DepartmentHandlingPage extends PageOf(DepartmentHandlingModel, 'DepartmentHandlingPageBase') {}

// ---- 专家库、专家研讨会 ----

@ObjectType('Expert', { description: '消费维权专家' })
export class ExpertModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: '专业领域' }) field: string;
  @Field(() => String, { nullable: true, description: '所在单位' }) organisation: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field({ description: '在库（false：已移出专家库）' }) active: boolean;
  @Field(() => ID, { description: '建库单位（中心）' }) unitId: string;
  @Field(() => OrgUnitModel) unit: OrgUnitModel;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int) version: number;
}

export function toExpertModel(v: ExpertView): ExpertModel {
  const e = v.item;
  return {
    id: String(e.id),
    name: e.name,
    field: e.field,
    organisation: e.organisation,
    phone: e.phone,
    active: e.active,
    unitId: String(e.unitId),
    unit: toOrgUnitModel(v.unit),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

@ObjectType('ExpertPage')
export class ExpertPage extends PageOf(ExpertModel, 'ExpertPageBase') {}

@ObjectType('SeminarCase', { description: '研讨会关联的案件（仅显示本人可见的）' })
export class SeminarCaseModel {
  @Field(() => ID) id: string;
  @Field() caseNo: string;
}

@ObjectType('ExpertSeminarExpert', { description: '参加研讨会的专家' })
export class ExpertSeminarExpertModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() field: string;
  @Field(() => String, { nullable: true }) organisation: string | null;
}

@ObjectType('ExpertSeminar', { description: '消费维权专家研讨会：会商解决热点难点问题' })
export class ExpertSeminarModel {
  @Field(() => ID) id: string;
  @Field() topic: string;
  @Field({ description: '召开日期 YYYY-MM-DD' }) heldOn: string;
  @Field(() => String, { nullable: true, description: '会议纪要' }) minutes: string | null;
  @Field(() => [String], { description: '研讨的热点、难点问题' }) hotIssueTags: string[];
  @Field(() => [ExpertSeminarExpertModel]) experts: ExpertSeminarExpertModel[];
  @Field(() => [SeminarCaseModel]) cases: SeminarCaseModel[];
  @Field(() => ID) unitId: string;
  @Field(() => OrgUnitModel) unit: OrgUnitModel;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int) version: number;
}

export function toExpertSeminarModel(v: ExpertSeminarView): ExpertSeminarModel {
  const s = v.item;
  return {
    id: String(s.id),
    topic: s.topic,
    heldOn: s.heldOn,
    minutes: s.minutes,
    hotIssueTags: s.hotIssueTags ?? [],
    experts: v.experts.map((e) => ({ id: String(e.id), name: e.name, field: e.field, organisation: e.organisation })),
    cases: v.cases.map((c) => ({ id: String(c.id), caseNo: c.caseNo })),
    unitId: String(s.unitId),
    unit: toOrgUnitModel(v.unit),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

@ObjectType('ExpertSeminarPage')
export class ExpertSeminarPage extends PageOf(ExpertSeminarModel, 'ExpertSeminarPageBase') {}

// ---- 联动消息 ----

@ObjectType('LinkageMessage', {
  description: '联动消息：向下级中心、站点下发的指示，或向上级中心上报的情况；接收单位须签收',
})
export class LinkageMessageModel {
  @Field(() => ID) id: string;
  @Field(() => LinkageMessageKind) kind: LinkageMessageKind;
  @Field() kindLabel: string;
  @Field(() => OrgUnitModel) senderUnit: OrgUnitModel;
  @Field(() => OrgUnitModel) targetUnit: OrgUnitModel;
  @Field() title: string;
  @Field() content: string;
  @Field(() => Date, { nullable: true, description: '要求签收或反馈的期限' }) dueAt: Date | null;
  @Field({ description: '未签收且已过期限' }) overdue: boolean;
  @Field(() => ID, { nullable: true }) sentById: string | null;
  @Field() sentAt: Date;
  @Field() acknowledged: boolean;
  @Field(() => ID, { nullable: true }) acknowledgedById: string | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => String, { nullable: true, description: '签收意见' }) ackNote: string | null;
  @Field(() => Int) version: number;
}

export function toLinkageMessageModel(v: LinkageMessageView): LinkageMessageModel {
  const x = v.item;
  return {
    id: String(x.id),
    kind: x.kind,
    kindLabel: LinkageMessageKindLabel[x.kind],
    senderUnit: toOrgUnitModel(v.senderUnit),
    targetUnit: toOrgUnitModel(v.targetUnit),
    title: x.title,
    content: x.content,
    dueAt: x.dueAt,
    overdue: v.overdue,
    sentById: id(x.sentById),
    sentAt: x.sentAt,
    acknowledged: x.acknowledgedAt != null,
    acknowledgedById: id(x.acknowledgedById),
    acknowledgedAt: x.acknowledgedAt,
    ackNote: x.ackNote,
    version: x.version,
  };
}

@ObjectType('LinkageMessagePage')
export class LinkageMessagePage extends PageOf(LinkageMessageModel, 'LinkageMessagePageBase') {}

// ---- 待办 ----

@ObjectType('LitigationLinkWorkItem', {
  implements: () => [WorkroomWorkItem],
  description: '诉调对接工作室的一项待办：在办的移送、联办移交，待签收的联动消息',
})
export class LitigationLinkWorkItemModel implements WorkroomWorkItem {
  @Field(() => LitigationLinkWorkItemKind) kind: LitigationLinkWorkItemKind;
  @Field() kindLabel: string;
  @Field(() => ID, { description: '事项编号（按 kind 对应移送、联办移交或联动消息）' }) id: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNo: string | null;
  @Field({ description: '摘要' }) title: string;
  @Field({ description: '状态说明' }) status: string;
  @Field(() => Date, {
    nullable: true,
    description: '期限：联办移交为商定期限，移送为案件最近的计时期限，消息为要求签收期限',
  })
  dueAt: Date | null;
  @Field(() => String, { nullable: true, description: '期限的含义' }) dueLabel: string | null;
  @Field(() => Float, { nullable: true, description: '剩余毫秒（负数为已超期；无期限为空）——各工作室待办同一字段' })
  timeLeftMs: number | null;
  @Field() overdue: boolean;
  @Field({ description: '发起（收到）时间' }) since: Date;
}

@ObjectType('LitigationLinkWorkQueue')
export class LitigationLinkWorkQueuePage extends PageOf(LitigationLinkWorkItemModel, 'LitigationLinkWorkQueueBase') {}
