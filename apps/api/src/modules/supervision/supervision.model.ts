import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SupervisionLevel } from '@weiquan/shared';
import { SupervisionStatus } from '@weiquan/core';
import type { SupervisionView, UnitSupervisionCount } from '@weiquan/core';
import { PageOf } from '../../common/paging';
import { OrgUnitModel, toOrgUnitModel } from '../org-unit/org-unit.model';

registerEnumType(SupervisionLevel, { name: 'SupervisionLevel', description: '督办级别：催办、督办、挂牌督办' });
registerEnumType(SupervisionStatus, {
  name: 'SupervisionStatus',
  description: '督办状态：待答复、已答复、已升级、已关闭',
});

@ObjectType('Supervision', { description: '督办事项（催办 / 督办 / 挂牌督办），针对案件或机构，有自己的答复期限' })
export class SupervisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: '督办的案件；针对机构的督办为空' }) caseId: string | null;
  @Field(() => String, { nullable: true }) caseNo: string | null;
  @Field(() => SupervisionLevel) level: SupervisionLevel;
  @Field(() => SupervisionStatus) status: SupervisionStatus;
  @Field(() => ID, { description: '发起督办的单位' }) issuingUnitId: string;
  @Field(() => OrgUnitModel) issuingUnit: OrgUnitModel;
  @Field(() => ID, { nullable: true }) issuedById: string | null;
  @Field(() => ID, { description: '被督办单位' }) targetUnitId: string;
  @Field(() => OrgUnitModel) targetUnit: OrgUnitModel;
  @Field() content: string;
  @Field({ description: '答复期限' }) responseDueAt: Date;
  @Field({ description: '待答复且已超过答复期限' }) overdue: boolean;
  @Field({ description: '系统因办理超期自动发起' }) automatic: boolean;
  @Field(() => ID, { nullable: true, description: '由哪一条督办升级而来' }) escalatedFromId: string | null;
  @Field(() => String, { nullable: true, description: '被督办单位的书面答复' }) response: string | null;
  @Field(() => ID, { nullable: true }) respondedById: string | null;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field({ description: '答复晚于答复期限' }) respondedLate: boolean;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true, description: '关闭原因：ACCEPTED 答复被采纳 / CASE_ARCHIVED 随案件归档' })
  closedReason: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => String, { nullable: true, description: '审核意见（采纳或退回时）' }) reviewNote: string | null;
  @Field(() => Int, { description: '乐观锁版本，答复、升级时原样传回' }) version: number;
}

const id = (v: string | number | null) => (v == null ? null : String(v));

export function toSupervisionModel(v: SupervisionView): SupervisionModel {
  const s = v.item;
  return {
    id: String(s.id),
    caseId: id(s.caseId),
    caseNo: v.caseNo,
    level: s.level as SupervisionLevel,
    status: s.status,
    issuingUnitId: String(s.issuingUnitId),
    issuingUnit: toOrgUnitModel(v.issuingUnit),
    issuedById: id(s.issuedById),
    targetUnitId: String(s.targetUnitId),
    targetUnit: toOrgUnitModel(v.targetUnit),
    content: s.content,
    responseDueAt: s.responseDueAt,
    overdue: v.overdue,
    automatic: s.automatic,
    escalatedFromId: id(s.escalatedFromId),
    response: s.response,
    respondedById: id(s.respondedById),
    respondedAt: s.respondedAt,
    respondedLate: s.respondedAt != null && s.respondedAt.getTime() > s.responseDueAt.getTime(),
    createdAt: s.createdAt,
    closedReason: s.closedReason,
    closedAt: s.closedAt,
    reviewNote: s.reviewNote,
    version: s.version,
  };
}

@ObjectType('SupervisionPage')
export class SupervisionPage extends PageOf(SupervisionModel, 'SupervisionPageBase') {}

@ObjectType('UnitSupervisionCount', { description: '某一被督办单位的督办统计（仅本单位，不含下级）' })
export class UnitSupervisionCountModel {
  @Field(() => ID) unitId: string;
  @Field(() => OrgUnitModel) unit: OrgUnitModel;
  @Field(() => Int, { description: '待答复（含超期）' }) open: number;
  @Field(() => Int) responded: number;
  @Field(() => Int, { description: '待答复且已超期' }) overdue: number;
  @Field(() => Int) escalated: number;
  @Field(() => Int) total: number;
}

export function toUnitSupervisionCountModel(c: UnitSupervisionCount): UnitSupervisionCountModel {
  return {
    unitId: String(c.unit.id),
    unit: toOrgUnitModel(c.unit),
    open: c.open,
    responded: c.responded,
    overdue: c.overdue,
    escalated: c.escalated,
    total: c.total,
  };
}
