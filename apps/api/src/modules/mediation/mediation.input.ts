import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AgreementPerformance,
  MediationMode,
  MediationPartyRole,
  MediationResult,
  TestingCostParty,
} from './mediation.enums';

const NOT_BLANK = /\S/;
const TEXT = 5000;
const NOTE = 2000;
const MAX_AMOUNT = 999_999_999_999;

// Money in yuan: two decimals, not negative.
const Money = (what: string) => (target: object, key: string) => {
  IsNumber({ maxDecimalPlaces: 2 }, { message: `${what}最多两位小数` })(target, key);
  Min(0, { message: `${what}不能为负数` })(target, key);
  Max(MAX_AMOUNT, { message: `${what}过大` })(target, key);
};
const StaffIds = (message: string) => (target: object, key: string) => {
  IsString({ each: true, message: '工作人员编号格式不正确' })(target, key);
  ArrayMinSize(1, { message })(target, key);
  ArrayMaxSize(20, { message: '参加人员最多 20 名' })(target, key);
};

@InputType({ description: '参加调解的当事人（非工作人员），自由填写' })
export class MediationPartyInput {
  @Field(() => MediationPartyRole)
  @IsEnum(MediationPartyRole, { message: '当事人身份不正确' })
  role: MediationPartyRole;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写当事人姓名或名称' })
  @MaxLength(100, { message: '当事人姓名或名称最多 100 个字符' })
  name: string;
  @Field(() => String, { nullable: true, description: '如：经营者委托代理人、职务' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '备注最多 200 个字符' })
  note?: string;
}

@InputType()
export class RecordMediationSessionInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field(() => MediationMode) @IsEnum(MediationMode, { message: '调解方式不正确' }) mode: MediationMode;
  @Field({ description: '调解时间（不晚于现在）' }) @IsDate({ message: '调解时间格式不正确' }) heldAt: Date;
  @Field(() => String, { nullable: true, description: '地点（现场调解）' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地点最多 200 个字符' })
  place?: string;
  @Field(() => [ID], { description: '参加调解的工作人员；一般两名以上，简易调解可一名' })
  @StaffIds('请选择参加调解的工作人员')
  staffIds: string[];
  @Field({ defaultValue: false, description: '简易调解：一名工作人员即可' })
  @IsOptional()
  @IsBoolean()
  simple?: boolean;
  @Field({ description: '双方当事人同意以该方式调解' })
  @IsBoolean({ message: '请确认双方当事人是否同意调解' })
  partiesConsented: boolean;
  @Field(() => [MediationPartyInput], { description: '消费者、经营者代表等参加人' })
  @ValidateNested({ each: true })
  @Type(() => MediationPartyInput)
  @ArrayMaxSize(20, { message: '当事人最多 20 名' })
  parties: MediationPartyInput[];
  @Field({ description: '调解记录' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写调解记录' })
  @MaxLength(TEXT, { message: `调解记录最多 ${TEXT} 个字符` })
  record: string;
  @Field(() => MediationResult) @IsEnum(MediationResult, { message: '调解结果不正确' }) result: MediationResult;
  @Field(() => String, { nullable: true, description: '结果说明' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `结果说明最多 ${NOTE} 个字符` })
  resultNote?: string;
}

/** Only the fields given change; the staff rule is checked again on the result. */
@InputType()
export class UpdateMediationSessionInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号必须是整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => MediationMode, { nullable: true })
  @IsOptional()
  @IsEnum(MediationMode, { message: '调解方式不正确' })
  mode?: MediationMode;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate({ message: '调解时间格式不正确' }) heldAt?: Date;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地点最多 200 个字符' })
  place?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @StaffIds('请选择参加调解的工作人员') staffIds?: string[];
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() simple?: boolean;
  @Field(() => [MediationPartyInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => MediationPartyInput)
  @ArrayMaxSize(20, { message: '当事人最多 20 名' })
  parties?: MediationPartyInput[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写调解记录' })
  @MaxLength(TEXT, { message: `调解记录最多 ${TEXT} 个字符` })
  record?: string;
  @Field(() => MediationResult, { nullable: true })
  @IsOptional()
  @IsEnum(MediationResult, { message: '调解结果不正确' })
  result?: MediationResult;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `结果说明最多 ${NOTE} 个字符` })
  resultNote?: string;
}

@InputType()
export class RecordInvestigationInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field({ description: '调查时间（不晚于现在）' }) @IsDate({ message: '调查时间格式不正确' }) investigatedAt: Date;
  @Field({ description: '调查地点' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写调查地点' })
  @MaxLength(200, { message: '调查地点最多 200 个字符' })
  place: string;
  @Field(() => [ID], { description: '参加调查的工作人员' }) @StaffIds('请选择参加调查的工作人员') staffIds: string[];
  @Field({ description: '调查情况' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写调查情况' })
  @MaxLength(TEXT, { message: `调查情况最多 ${TEXT} 个字符` })
  findings: string;
  @Field(() => String, { nullable: true, description: '取得的证据（说明）' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `证据说明最多 ${NOTE} 个字符` })
  evidenceNote?: string;
  @Field(() => [ID], { nullable: true, description: '本案已上传的证据材料' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(50, { message: '证据材料最多 50 份' })
  evidenceIds?: string[];
}

@InputType()
export class UpdateInvestigationInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号必须是整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate({ message: '调查时间格式不正确' }) investigatedAt?: Date;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写调查地点' })
  @MaxLength(200, { message: '调查地点最多 200 个字符' })
  place?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @StaffIds('请选择参加调查的工作人员') staffIds?: string[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写调查情况' })
  @MaxLength(TEXT, { message: `调查情况最多 ${TEXT} 个字符` })
  findings?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `证据说明最多 ${NOTE} 个字符` })
  evidenceNote?: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(50, { message: '证据材料最多 50 份' })
  evidenceIds?: string[];
}

@InputType()
export class CommissionTestingInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field({ description: '检测鉴定机构' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写检测鉴定机构' })
  @MaxLength(100, { message: '机构名称最多 100 个字符' })
  agencyName: string;
  @Field({ description: '机构的法定资质（如 CMA 资质认定证书编号、司法鉴定许可证号）' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写检测鉴定机构的法定资质' })
  @MaxLength(200, { message: '资质说明最多 200 个字符' })
  agencyQualification: string;
  @Field(() => [String], { description: '检测鉴定项目' })
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: '检测项目不能为空' })
  @MaxLength(200, { each: true, message: '每个检测项目最多 200 个字符' })
  @ArrayMinSize(1, { message: '请填写检测鉴定项目' })
  @ArrayMaxSize(30, { message: '检测项目最多 30 项' })
  items: string[];
  @Field(() => TestingCostParty, { description: '费用垫付方' })
  @IsEnum(TestingCostParty, { message: '费用垫付方不正确' })
  costAdvancedBy: TestingCostParty;
  @Field(() => Float, { nullable: true, description: '预计费用（元）' })
  @IsOptional()
  @Money('预计费用')
  estimatedCost?: number;
  @Field({ description: '双方当事人对检测机构和费用承担协商一致' })
  @IsBoolean({ message: '请确认双方当事人是否协商一致' })
  partiesAgreed: boolean;
  @Field(() => Date, { nullable: true, description: '委托时间；缺省为现在' })
  @IsOptional()
  @IsDate({ message: '委托时间格式不正确' })
  commissionedAt?: Date;
}

@InputType()
export class RecordTestingResultInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号必须是整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field({ description: '检测鉴定结论' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写检测鉴定结论' })
  @MaxLength(TEXT, { message: `检测鉴定结论最多 ${TEXT} 个字符` })
  result: string;
  @Field(() => TestingCostParty, { description: '费用承担方' })
  @IsEnum(TestingCostParty, { message: '费用承担方不正确' })
  costBorneBy: TestingCostParty;
  @Field(() => Float, { nullable: true, description: '实际费用（元）' })
  @IsOptional()
  @Money('实际费用')
  actualCost?: number;
  @Field(() => Date, { nullable: true, description: '出具结果时间；缺省为现在' })
  @IsOptional()
  @IsDate({ message: '出具结果时间格式不正确' })
  resultAt?: Date;
}

@InputType()
export class RecordAgreementInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field(() => ID, { nullable: true, description: '达成协议的调解记录' }) @IsOptional() @IsString() sessionId?: string;
  @Field({ description: '协议内容' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写协议内容' })
  @MaxLength(TEXT, { message: `协议内容最多 ${TEXT} 个字符` })
  terms: string;
  @Field(() => Float, { nullable: true, description: '协议金额（元），计入挽回经济损失' })
  @IsOptional()
  @Money('协议金额')
  amount?: number;
  @Field(() => Date, { nullable: true, description: '签订时间；缺省为现在' })
  @IsOptional()
  @IsDate({ message: '签订时间格式不正确' })
  signedAt?: Date;
  @Field(() => Date, { nullable: true, description: '履行期限' })
  @IsOptional()
  @IsDate({ message: '履行期限格式不正确' })
  performanceDueAt?: Date;
}

@InputType()
export class UpdateAgreementPerformanceInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号必须是整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => AgreementPerformance, { description: 'FULFILLED 已履行 / UNFULFILLED 未履行' })
  @IsIn([AgreementPerformance.FULFILLED, AgreementPerformance.UNFULFILLED], { message: '履行情况只能是已履行或未履行' })
  performance: AgreementPerformance;
  @Field(() => String, { nullable: true, description: '履行情况说明' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `说明最多 ${NOTE} 个字符` })
  note?: string;
}

@InputType()
export class FeedBackResultInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field({ description: '向受理接待工作室反馈的办理结果' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写反馈内容' })
  @MaxLength(TEXT, { message: `反馈内容最多 ${TEXT} 个字符` })
  content: string;
}
