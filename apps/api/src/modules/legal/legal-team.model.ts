import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DutyShift } from '@weiquan/core';
import type { LegalDutyEntity, LegalTrainingEntity, LegalVolunteerEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';

registerEnumType(DutyShift, { name: 'DutyShift', description: '值班班次：上午、下午、全天、晚间' });

@ObjectType('LegalVolunteer', { description: '消费维权志愿者' })
export class LegalVolunteerModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: '所属法律服务工作室（或站点）' }) unitId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true, description: '工作单位，如律师事务所' }) organization: string | null;
  @Field(() => [String], { description: '专长，如 合同纠纷、食品安全、房屋装修' }) specialities: string[];
  @Field({ description: '在册（可安排值班、参加培训）' }) active: boolean;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Int, { description: '已出席的培训次数' }) trainingsAttended: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: '乐观锁版本，修改时原样传回' }) version: number;
}

export interface VolunteerView {
  item: LegalVolunteerEntity;
  trainingsAttended: number;
}

export function toLegalVolunteerModel(v: VolunteerView): LegalVolunteerModel {
  const e = v.item;
  return {
    id: String(e.id),
    unitId: String(e.unitId),
    name: e.name,
    phone: e.phone,
    organization: e.organization,
    specialities: e.specialities ?? [],
    active: e.active,
    note: e.note,
    trainingsAttended: v.trainingsAttended,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

@ObjectType('LegalVolunteerPage')
export class LegalVolunteerPage extends PageOf(LegalVolunteerModel, 'LegalVolunteerPageBase') {}

@ObjectType('LegalTrainingAttendee', { description: '参训志愿者及出勤' })
export class LegalTrainingAttendeeModel {
  @Field(() => ID) volunteerId: string;
  @Field() name: string;
  @Field(() => Boolean, { nullable: true, description: '出勤：true 出席，false 缺席，空为未登记' }) attended:
    | boolean
    | null;
  @Field(() => Date, { nullable: true }) recordedAt: Date | null;
}

@ObjectType('LegalTraining', { description: '志愿者培训' })
export class LegalTrainingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field() topic: string;
  @Field({ description: '培训日期 YYYY-MM-DD' }) heldOn: string;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => String, { nullable: true }) trainer: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => [LegalTrainingAttendeeModel]) attendees: LegalTrainingAttendeeModel[];
  @Field(() => Int) invitedCount: number;
  @Field(() => Int) attendedCount: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: '乐观锁版本，修改、登记出勤时原样传回' }) version: number;
}

export interface TrainingView {
  item: LegalTrainingEntity;
  attendees: LegalTrainingAttendeeModel[];
}

export function toLegalTrainingModel(v: TrainingView): LegalTrainingModel {
  const e = v.item;
  return {
    id: String(e.id),
    unitId: String(e.unitId),
    topic: e.topic,
    heldOn: e.heldOn,
    location: e.location,
    trainer: e.trainer,
    note: e.note,
    attendees: v.attendees,
    invitedCount: v.attendees.length,
    attendedCount: v.attendees.filter((a) => a.attended === true).length,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

@ObjectType('LegalTrainingPage')
export class LegalTrainingPage extends PageOf(LegalTrainingModel, 'LegalTrainingPageBase') {}

@ObjectType('LegalDuty', { description: '法律服务工作室值班表中的一班：工作人员或志愿者' })
export class LegalDutyModel {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field({ description: '值班日期 YYYY-MM-DD' }) date: string;
  @Field(() => DutyShift) shift: DutyShift;
  @Field(() => ID, { nullable: true, description: '值班的工作人员' }) userId: string | null;
  @Field(() => ID, { nullable: true, description: '值班的志愿者' }) volunteerId: string | null;
  @Field({ description: '值班人姓名' }) personName: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Int, { description: '乐观锁版本，修改、删除时原样传回' }) version: number;
}

export interface DutyView {
  item: LegalDutyEntity;
  personName: string;
}

export function toLegalDutyModel(v: DutyView): LegalDutyModel {
  const e = v.item;
  return {
    id: String(e.id),
    unitId: String(e.unitId),
    date: e.dutyDate,
    shift: e.shift,
    userId: e.userId == null ? null : String(e.userId),
    volunteerId: e.volunteerId == null ? null : String(e.volunteerId),
    personName: v.personName,
    note: e.note,
    version: e.version,
  };
}
