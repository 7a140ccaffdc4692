import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { maskPhone, Permission } from '@weiquan/shared';
import { LitigationStatus } from '@weiquan/core';
import type { Actor, LegalConsultationEntity, LitigationSupportEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';
import { WorkroomWorkItem } from '../../common/work-item.model';

registerEnumType(LitigationStatus, {
  name: 'LitigationStatus',
  description: '诉讼支持状态：已申请、诉讼材料已准备、已立案起诉、已结束',
});

export enum LegalItemKind {
  CONSULTATION = 'CONSULTATION',
  LITIGATION = 'LITIGATION',
}
registerEnumType(LegalItemKind, { name: 'LegalItemKind', description: '法律服务事项：法律咨询、诉讼支持' });

export enum LegalWorkQueueSort {
  /** 剩余时间最少的在前（已超期的最前，无期限的最后）. */
  TIME_LEFT_ASC = 'TIME_LEFT_ASC',
  TIME_LEFT_DESC = 'TIME_LEFT_DESC',
  OLDEST_FIRST = 'OLDEST_FIRST',
}
registerEnumType(LegalWorkQueueSort, {
  name: 'LegalWorkQueueSort',
  description: '待办排序：按剩余时间升序/降序，或按登记先后',
});

const id = (v: string | number | null) => (v == null ? null : String(v));

@ObjectType('LegalConsultation', { description: '免费法律咨询：咨询人、问题、答复、引用法条，可关联案件' })
export class LegalConsultationModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: '所属法律服务工作室（或站点）' }) unitId: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNo: string | null;
  @Field(() => String, { nullable: true }) askerName: string | null;
  @Field(() => String, { nullable: true, description: '咨询人电话：登记人和有查看完整信息权限者可见全号，其他人脱敏' })
  askerPhone: string | null;
  @Field() question: string;
  @Field(() => String, { nullable: true }) answer: string | null;
  @Field(() => [String], { description: '引用的法律法规条文' }) lawsCited: string[];
  @Field({ description: '已答复' }) answered: boolean;
  @Field() askedAt: Date;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => ID, { nullable: true }) answeredById: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: '乐观锁版本，修改时原样传回' }) version: number;
}

export interface ConsultationView {
  item: LegalConsultationEntity;
  caseNo: string | null;
}

export function toLegalConsultationModel(v: ConsultationView, actor: Actor): LegalConsultationModel {
  const e = v.item;
  // 保密: the full number to whoever recorded it (to call back) and to those allowed to unmask.
  const fullPhone =
    actor.permissions.has(Permission.CASE_UNMASK) || (actor.kind === 'USER' && e.createdById === actor.id);
  return {
    id: String(e.id),
    unitId: String(e.unitId),
    caseId: id(e.caseId),
    caseNo: v.caseNo,
    askerName: e.askerName,
    askerPhone: e.askerPhone == null ? null : fullPhone ? e.askerPhone : maskPhone(e.askerPhone),
    question: e.question,
    answer: e.answer,
    lawsCited: e.lawsCited ?? [],
    answered: e.answer != null,
    askedAt: e.askedAt,
    answeredAt: e.answeredAt,
    answeredById: id(e.answeredById),
    createdById: id(e.createdById),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

@ObjectType('LegalConsultationPage')
export class LegalConsultationPage extends PageOf(LegalConsultationModel, 'LegalConsultationPageBase') {}

@ObjectType('LitigationSupport', { description: '诉讼支持：为需要诉讼解决的消费者提供支持和帮助' })
export class LitigationSupportModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: '所属法律服务工作室（或站点）' }) unitId: string;
  @Field(() => ID) caseId: string;
  @Field() caseNo: string;
  @Field({ description: '消费者的诉讼支持需求' }) request: string;
  @Field(() => LitigationStatus) status: LitigationStatus;
  @Field(() => [String], { description: '已准备的诉讼材料' }) documents: string[];
  @Field(() => String, { nullable: true, description: '受理法院' }) court: string | null;
  @Field(() => Date, { nullable: true }) filedAt: Date | null;
  @Field(() => String, { nullable: true, description: '诉讼结果' }) outcome: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => Date, { nullable: true, description: '最近一次生成起诉状的时间' }) documentGeneratedAt: Date | null;
  @Field(() => ID, { nullable: true }) requestedById: string | null;
  @Field() requestedAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: '乐观锁版本，修改时原样传回' }) version: number;
  @Field({ description: '民事起诉状下载地址（相对于 API 根地址，需带同样的 Authorization 头；每次下载记入案件日志）' })
  downloadUrl: string;
}

export const litigationDocumentPath = (id: string) => `/api/legal/litigation/${id}/document`;

export interface LitigationView {
  item: LitigationSupportEntity;
  caseNo: string;
}

export function toLitigationSupportModel(v: LitigationView): LitigationSupportModel {
  const e = v.item;
  return {
    id: String(e.id),
    unitId: String(e.unitId),
    caseId: String(e.caseId),
    caseNo: v.caseNo,
    request: e.request,
    status: e.status,
    documents: e.documents ?? [],
    court: e.court,
    filedAt: e.filedAt,
    outcome: e.outcome,
    closedAt: e.closedAt,
    documentGeneratedAt: e.documentGeneratedAt,
    requestedById: id(e.requestedById),
    requestedAt: e.requestedAt,
    updatedAt: e.updatedAt,
    version: e.version,
    downloadUrl: litigationDocumentPath(String(e.id)),
  };
}

@ObjectType('LitigationSupportPage')
export class LitigationSupportPage extends PageOf(LitigationSupportModel, 'LitigationSupportPageBase') {}

@ObjectType('LegalArchiveEntry', { description: '法律服务档案中的一条：法律咨询或诉讼支持' })
export class LegalArchiveEntryModel {
  @Field(() => LegalItemKind) kind: LegalItemKind;
  @Field(() => ID, { description: '咨询或诉讼支持的 id（按 kind 查询详情）' }) id: string;
  @Field(() => ID) unitId: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNo: string | null;
  @Field({ description: '咨询问题或诉讼支持需求' }) title: string;
  @Field(() => String, { nullable: true, description: '答复或诉讼结果' }) result: string | null;
  @Field({ description: '咨询：ANSWERED / AWAITING_ANSWER；诉讼支持：其状态' }) status: string;
  @Field({ description: '咨询时间或申请时间' }) at: Date;
}

@ObjectType('LegalArchivePage')
export class LegalArchivePage extends PageOf(LegalArchiveEntryModel, 'LegalArchivePageBase') {}

@ObjectType('LegalWorkItem', {
  implements: () => [WorkroomWorkItem],
  description: '法律服务工作室的待办：待答复的咨询、未结束的诉讼支持',
})
export class LegalWorkItemModel implements WorkroomWorkItem {
  @Field(() => LegalItemKind) kind: LegalItemKind;
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNo: string | null;
  @Field() title: string;
  @Field({ description: '咨询：AWAITING_ANSWER；诉讼支持：其状态' }) status: string;
  @Field({ description: '登记（申请）时间' }) since: Date;
  @Field(() => Date, { nullable: true, description: '关联案件的办理期限' }) dueAt: Date | null;
  @Field(() => Float, { nullable: true, description: '剩余毫秒（负数为已超期；无期限为空）' }) timeLeftMs:
    | number
    | null;
  @Field({ description: '关联案件已超期' }) overdue: boolean;
}

@ObjectType('LegalWorkItemPage')
export class LegalWorkItemPage extends PageOf(LegalWorkItemModel, 'LegalWorkItemPageBase') {}
