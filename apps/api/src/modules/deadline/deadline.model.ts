import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageOf } from '../../common/paging';

@ObjectType('CaseDeadline', { description: '案件的一个计时（服务承诺或法定时限，或某一分流环节）' })
export class CaseDeadlineModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => String, { nullable: true, description: '案件编号（dueSoon / overdueDeadlines 列表提供）' })
  caseNo?: string | null;
  @Field() ruleCode: string;
  @Field() ruleName: string;
  @Field({ description: 'COMMITMENT 服务承诺 / STATUTORY 法定时限' }) layer: string;
  @Field() ruleSetCode: string;
  @Field(() => Int) ruleSetVersion: number;
  @Field({ description: 'RUNNING / PAUSED / MET / BREACHED / CANCELLED' }) status: string;
  @Field() roundKey: string;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true, description: '截止时间（暂停期间为空）' }) dueAt: Date | null;
  @Field(() => Float, { nullable: true, description: '剩余毫秒（负数为已超期）' }) remainingMs: number | null;
  @Field(() => Int) amount: number;
  @Field() unit: string;
  @Field(() => Int, { description: '经批准延长的数量' }) extendedAmount: number;
  @Field(() => ID) responsibleUnitId: string;
  @Field(() => ID, { nullable: true }) responsibleUserId: string | null;
  @Field(() => Date, { nullable: true }) breachedAt: Date | null;
  @Field(() => Date, { nullable: true }) stoppedAt: Date | null;
  @Field({ description: '计算依据（JSON）：规则及版本、日历版本、起算、计入与跳过的日期、暂停' }) explanation: string;
}

@ObjectType('CaseDeadlinePage')
export class CaseDeadlinePage extends PageOf(CaseDeadlineModel, 'CaseDeadlinePageBase') {}

@ObjectType('Violation', { description: '违诺记录' })
export class ViolationModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() caseNo: string;
  @Field() ruleCode: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) userName: string | null;
  @Field(() => ID) unitId: string;
  @Field(() => Int) year: number;
  @Field() occurredAt: Date;
}

@ObjectType('ViolationPage')
export class ViolationPage extends PageOf(ViolationModel, 'ViolationPageBase') {}

@ObjectType('StaffViolationSummary', { description: '工作人员年度违诺次数及对应处理（系统只计数和提示，由人决定）' })
export class StaffViolationSummaryModel {
  @Field(() => ID) userId: string;
  @Field() userName: string;
  @Field(() => ID) unitId: string;
  @Field(() => Int) year: number;
  @Field(() => Int) count: number;
  @Field(() => Int, { description: '1 / 2 / 3（3 表示 3 次及以上）' }) level: number;
  @Field() consequence: string;
}

@ObjectType('UnitViolationSummary')
export class UnitViolationSummaryModel {
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => Int) year: number;
  @Field(() => Int) count: number;
}
