import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CaseFlag,
  CaseKind,
  CaseState,
  Channel,
  ContactMethod,
  DispatchMode,
  DispatchTargetType,
  FollowUpResult,
  Outcome,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
  WorkroomCode,
} from '@weiquan/shared';
import { PlausibleDate } from '../../common/input-rules';
import { IsContactPhone, IsCreditCode, IsIdNumber } from './case.validators';
import { CaseQueue, CaseSort } from './case-enums.graphql';

const TEXT = 5000; // narrative fields: enough for a long letter, far below 100 KB
const NOTE = 2000;
// One extension moves a deadline once (domain §deadlines); more than a quarter of a year is a typo.
const MAX_EXTENSION_DAYS = 60;

@InputType()
export class ConsumerInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() phone?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIdNumber() idNumber?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址最多 200 个字符' })
  address?: string;
  @Field({ defaultValue: false, description: '举报人匿名' }) @IsOptional() @IsBoolean() anonymous?: boolean;
}

@InputType()
export class RespondentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '经营者名称最多 100 个字符' })
  name?: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码（18位）' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) address?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(50) region?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(50) industry?: string;
}

@InputType()
export class CaseFlagsInput {
  @Field({ defaultValue: false }) @IsOptional() @IsBoolean() majorUrgent?: boolean;
  @Field({ defaultValue: false }) @IsOptional() @IsBoolean() groupComplaint?: boolean;
  @Field({ defaultValue: false }) @IsOptional() @IsBoolean() mediaAttention?: boolean;
  @Field({ defaultValue: false, description: '同意公示投诉信息' })
  @IsOptional()
  @IsBoolean()
  consentPublication?: boolean;
  @Field({ defaultValue: false, description: '同意委托消费者协会调解' })
  @IsOptional()
  @IsBoolean()
  consentEntrustedMediation?: boolean;
}

@InputType()
export class RegisterCaseInput {
  @Field(() => CaseKind) @IsEnum(CaseKind, { message: '诉求类型不正确' }) kind: CaseKind;
  @Field(() => Channel) @IsEnum(Channel, { message: '受理渠道不正确' }) channel: Channel;
  @Field(() => Date, { nullable: true, description: '收到时间，可早于登记时间（来信、录音）；缺省为现在' })
  @IsOptional()
  @IsDate({ message: '收到时间格式不正确' })
  @PlausibleDate({ pastDays: 'received', futureDays: 0 })
  receivedAt?: Date;
  @Field(() => ConsumerInput) @ValidateNested() @Type(() => ConsumerInput) consumer: ConsumerInput;
  @Field(() => RespondentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RespondentInput)
  respondent?: RespondentInput;
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @PlausibleDate({ pastDays: 20 * 365, futureDays: 0 })
  occurredAt?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) occurredPlace?: string;
  @Field(() => String, { nullable: true, description: '商品或服务类别' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;
  @Field(() => Float, { nullable: true, description: '涉及金额（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '金额最多两位小数' })
  @Min(0, { message: '金额不能为负数' })
  @Max(999_999_999_999, { message: '金额过大' })
  amountInvolved?: number;
  @Field({ description: '事情经过' })
  @IsString()
  @IsNotEmpty({ message: '请填写事情经过' })
  @MaxLength(TEXT, { message: `事情经过最多 ${TEXT} 个字符` })
  summary: string;
  @Field(() => String, { nullable: true, description: '具体诉求' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `诉求最多 ${NOTE} 个字符` })
  demand?: string;
  @Field(() => CaseFlagsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFlagsInput)
  flags?: CaseFlagsInput;
  @Field(() => ID, { nullable: true, description: '登记单位；缺省为当前用户所在单位' })
  @IsOptional()
  @IsString()
  unitId?: string;
}

/** Every transition carries the case id and the version the client saw. */
@InputType({ isAbstract: true })
export class CaseRefInput {
  @Field(() => ID) @IsString() @IsNotEmpty() caseId: string;
  @Field(() => Int) @IsInt({ message: '版本号必须是整数' }) @Min(1) version: number;
  @Field(() => String, { nullable: true, description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE)
  note?: string;
}

@InputType()
export class RequestMaterialsInput extends CaseRefInput {
  @Field(() => [String], { description: '一次性告知：需补正的全部材料' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  missingItems: string[];
}
@InputType()
export class SupplyMaterialsInput extends CaseRefInput {}
@InputType()
export class AcceptCaseInput extends CaseRefInput {}
@InputType()
export class RejectCaseInput extends CaseRefInput {
  @Field(() => RejectGround) @IsEnum(RejectGround, { message: '不予受理情形不正确' }) ground: RejectGround;
  @Field(() => String, { nullable: true, description: '有权处理的机关' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  referralAuthority?: string;
  @Field(() => String, { nullable: true, description: '有权处理的机关电话' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  referralPhone?: string;
}
@InputType()
export class DecideFilingInput extends CaseRefInput {
  @Field({ description: 'true 立案 / false 不予立案' }) @IsBoolean() filed: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(NOTE) reason?: string;
}
@InputType()
export class DispatchCaseInput extends CaseRefInput {
  @Field(() => DispatchTargetType)
  @IsEnum(DispatchTargetType, { message: '分流对象类型不正确' })
  targetType: DispatchTargetType;
  @Field(() => WorkroomCode, { nullable: true }) @IsOptional() @IsEnum(WorkroomCode) workroom?: WorkroomCode;
  @Field(() => ID, { nullable: true, description: '下级中心或站点' }) @IsOptional() @IsString() unitId?: string;
  @Field(() => ID, { nullable: true, description: '外部门' }) @IsOptional() @IsString() externalAgencyId?: string;
  @Field(() => DispatchMode) @IsEnum(DispatchMode, { message: '分流方式不正确' }) mode: DispatchMode;
  @Field(() => ID, { nullable: true, description: '指定承办人（回避的人员不能指定）' })
  @IsOptional()
  @IsString()
  handlerId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(NOTE) instructions?: string;
}
@InputType()
export class ReceiveCaseInput extends CaseRefInput {}
@InputType()
export class ReturnCaseInput extends CaseRefInput {
  @Field({ description: '退回理由' }) @IsString() @MaxLength(NOTE) reason: string;
}
@InputType()
export class HandUpCaseInput extends CaseRefInput {
  @Field({ description: '上报理由' }) @IsString() @MaxLength(NOTE) reason: string;
}
@InputType()
export class RecordContactInput extends CaseRefInput {
  @Field(() => ContactMethod) @IsEnum(ContactMethod, { message: '联系方式不正确' }) method: ContactMethod;
  @Field({ description: '联系内容' }) @IsString() @MaxLength(TEXT) content: string;
}
@InputType()
export class SuspendCaseInput extends CaseRefInput {
  @Field(() => SuspendReason) @IsEnum(SuspendReason, { message: '中止事由不正确' }) reason: SuspendReason;
  @Field(() => ID, { nullable: true, description: '批准人（调查中止须经批准）' })
  @IsOptional()
  @IsString()
  approvedById?: string;
}
@InputType()
export class ResumeCaseInput extends CaseRefInput {}
@InputType()
export class RequestExtensionInput extends CaseRefInput {
  @Field() @IsString() @MaxLength(NOTE) reason: string;
  @Field(() => Int, { description: '延长的工作日数' })
  @IsInt()
  @Min(1, { message: '延长的工作日数至少 1 天' })
  @Max(MAX_EXTENSION_DAYS, { message: `延长的工作日数最多 ${MAX_EXTENSION_DAYS} 天` })
  days: number;
}
@InputType()
export class DecideExtensionInput extends CaseRefInput {
  @Field() @IsBoolean() approved: boolean;
}
@InputType()
export class RequestSuspensionInput extends CaseRefInput {
  @Field({ description: '因调查需要中止的理由' }) @IsString() @MaxLength(NOTE) reason: string;
}
@InputType()
export class DecideSuspensionInput extends CaseRefInput {
  @Field({ description: '批准（中止，计时暂停）或不批准（继续办理）' }) @IsBoolean() approved: boolean;
}
@InputType()
export class ConcludeCaseInput extends CaseRefInput {
  @Field(() => Outcome) @IsEnum(Outcome, { message: '办结结果不正确' }) outcome: Outcome;
  @Field(() => TerminationGround, { nullable: true })
  @IsOptional()
  @IsEnum(TerminationGround, { message: '终止调解情形不正确' })
  terminationGround?: TerminationGround;
  @Field(() => String, { nullable: true, description: '调解协议内容' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  agreementText?: string;
  @Field(() => Float, { nullable: true, description: '挽回经济损失（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  amountRecovered?: number;
}
@InputType()
export class ReplyCaseInput extends CaseRefInput {
  @Field({ description: '答复内容' }) @IsString() @MaxLength(TEXT) content: string;
}
@InputType()
export class AnswerConsultationInput extends CaseRefInput {
  @Field({ description: '答复内容' }) @IsString() @MaxLength(TEXT) content: string;
}
@InputType()
export class RecordFollowUpInput extends CaseRefInput {
  @Field(() => FollowUpResult) @IsEnum(FollowUpResult, { message: '回访结果不正确' }) result: FollowUpResult;
  @Field(() => Satisfaction, { nullable: true })
  @IsOptional()
  @IsEnum(Satisfaction, { message: '满意度不正确' })
  satisfaction?: Satisfaction;
}
@InputType()
export class ArchiveCaseInput extends CaseRefInput {}
@InputType()
export class DeclareRecusalInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field(() => ID, { nullable: true, description: '回避人员；缺省为本人' }) @IsOptional() @IsString() userId?: string;
  @Field() @IsString() @IsNotEmpty({ message: '请说明回避理由' }) @MaxLength(NOTE) reason: string;
}
@InputType()
export class MergeReportInput extends CaseRefInput {
  @Field(() => ID, { description: '并入的在办举报' }) @IsString() intoCaseId: string;
}
@InputType()
export class UnmaskConsumerInput {
  @Field(() => ID) @IsString() caseId: string;
  @Field({ description: '查看理由（记入案件日志）' })
  @IsString()
  @IsNotEmpty({ message: '请说明查看理由' })
  @MaxLength(200)
  reason: string;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseKind], { nullable: true }) @IsOptional() @IsEnum(CaseKind, { each: true }) kinds?: CaseKind[];
  @Field(() => [CaseState], { nullable: true }) @IsOptional() @IsEnum(CaseState, { each: true }) states?: CaseState[];
  @Field(() => Boolean, { nullable: true, description: 'true: 未归档' }) @IsOptional() @IsBoolean() open?: boolean;
  @Field(() => [Channel], { nullable: true }) @IsOptional() @IsEnum(Channel, { each: true }) channels?: Channel[];
  @Field(() => ID, { nullable: true, description: '机构（含下级）' }) @IsOptional() @IsString() unitId?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() receivedFrom?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() receivedTo?: Date;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() overdue?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() handlerId?: string;
  @Field(() => CaseQueue, { nullable: true }) @IsOptional() @IsEnum(CaseQueue) queue?: CaseQueue;
  @Field(() => [CaseFlag], { nullable: true, description: '重点标记（有其一即可）' })
  @IsOptional()
  @IsEnum(CaseFlag, { each: true })
  flags?: CaseFlag[];
  @Field(() => String, { nullable: true, description: '关键词：消费者、经营者、事情经过' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '关键词最多 50 个字符' })
  keyword?: string;
  @Field(() => String, { nullable: true, description: '按消费者电话查' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  consumerPhone?: string;
  @Field(() => String, { nullable: true, description: '按消费者地址查' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  consumerAddress?: string;
  @Field(() => String, { nullable: true, description: '按消费者姓名查' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  consumerName?: string;
  @Field(() => String, { nullable: true, description: '按经营者名称或统一社会信用代码查' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  respondent?: string;
  @Field(() => CaseSort, { nullable: true, defaultValue: CaseSort.RECEIVED_DESC })
  @IsOptional()
  @IsIn(Object.values(CaseSort))
  sort?: CaseSort;
}
