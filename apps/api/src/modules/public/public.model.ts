import { Field, Int, ObjectType } from '@nestjs/graphql';

// Public types carry only what a consumer may read: no ids, no staff names, no notes, no other party's data.
// Every field is listed in apps/api/test/public-allow-list.ts; a test walks the schema against that list.

@ObjectType({ description: '受理回执：查询码只显示这一次，并以短信发送' })
export class PublicReceipt {
  @Field() caseNo: string;
  @Field() queryCode: string;
  @Field() kindLabel: string;
  @Field() receivedAt: Date;
  @Field({ description: '受理单位' }) unitName: string;
  @Field(() => String, { nullable: true }) unitPhone: string | null;
}

@ObjectType({ description: '承诺时限' })
export class PublicPromisedDate {
  @Field() label: string;
  @Field() dueAt: Date;
}

@ObjectType({ description: '办理进程中的一步' })
export class PublicProgressStep {
  @Field() label: string;
  @Field() at: Date;
}

@ObjectType({ description: '送达您的文书' })
export class PublicDocument {
  @Field({ description: '下载时用的文书标识（只对本案有效，不是文书编号）' }) ref: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: '文号' }) docNo: string | null;
  @Field({ description: '签发时间' }) issuedAt: Date;
}

@ObjectType({ description: '文书的一次性下载地址' })
export class PublicDocumentLink {
  @Field({ description: '下载地址（相对于网站根地址），只能使用一次' }) url: string;
  @Field() expiresAt: Date;
}

@ObjectType({ description: '案件办理进度（电子查询台）' })
export class PublicCaseProgress {
  @Field() caseNo: string;
  @Field() kindLabel: string;
  @Field({ description: '当前阶段' }) stage: string;
  @Field() explanation: string;
  @Field() receivedAt: Date;
  @Field({ description: '办理单位' }) unitName: string;
  @Field(() => String, { nullable: true }) unitPhone: string | null;
  @Field(() => [PublicPromisedDate]) promisedDates: PublicPromisedDate[];
  @Field(() => [PublicProgressStep]) steps: PublicProgressStep[];
  @Field(() => String, { nullable: true, description: '答复内容' }) reply: string | null;
  @Field({ description: '可以评价（待回访）' }) followUpOpen: boolean;
  @Field(() => String, { nullable: true, description: '您的评价' }) satisfactionLabel: string | null;
  @Field(() => String, { nullable: true, description: '不满意时重新受理的案件编号（查询码不变）' })
  nextRoundCaseNo: string | null;
  @Field(() => [PublicDocument], { description: '送达您的文书' }) documents: PublicDocument[];
}

@ObjectType({ description: '短信验证码已发送' })
export class PublicSmsCodeSent {
  @Field(() => Int, { description: '验证码有效分钟数' }) validMinutes: number;
}
