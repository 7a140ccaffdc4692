import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: '工作流程的一步' })
export class PublicProcessStep {
  @Field() title: string;
  @Field() text: string;
}

@ObjectType({ description: '工作室及其职责' })
export class PublicWorkroom {
  @Field() name: string;
  @Field(() => [String]) duties: string[];
}

@ObjectType({ description: '承诺时限（取自现行时限规则）' })
export class PublicCommitment {
  @Field() name: string;
  @Field({ description: '如 7 个工作日' }) duration: string;
}

@ObjectType({ description: '办事公开' })
export class PublicServiceInfo {
  @Field(() => [PublicProcessStep]) process: PublicProcessStep[];
  @Field(() => [PublicWorkroom]) workrooms: PublicWorkroom[];
  @Field(() => [PublicCommitment]) commitments: PublicCommitment[];
  @Field({ description: '监督电话' }) supervisionPhone: string;
}

@ObjectType({ description: '人员状态公示栏上的一名人员（挂牌上岗）' })
export class PublicStaffMember {
  @Field() name: string;
  @Field({ description: '岗位' }) post: string;
  @Field(() => String, { nullable: true, description: '工号' }) workNo: string | null;
  @Field({ description: '在岗' }) onDuty: boolean;
  @Field(() => String, { nullable: true, description: '照片地址（相对于网站根地址）' }) photoUrl: string | null;
}

@ObjectType({ description: '维权中心或服务站' })
export class PublicServicePoint {
  @Field() name: string;
  @Field() kindLabel: string;
  @Field({ description: '所属县区' }) district: string;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true, description: '办公时间' }) officeHours: string | null;
  @Field(() => [PublicStaffMember], { description: '人员状态公示栏（含中心各工作室）' }) staff: PublicStaffMember[];
}

@ObjectType({ description: '公示的投诉信息（不含消费者信息）' })
export class PublicPublishedComplaint {
  @Field({ description: '被投诉经营者' }) respondentName: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码' }) respondentCreditCode: string | null;
  @Field(() => String, { nullable: true }) respondentAddress: string | null;
  @Field(() => String, { nullable: true, description: '商品或服务类别' }) category: string | null;
  @Field({ description: '处理结果' }) result: string;
  @Field({ description: '办理单位' }) unitName: string;
  @Field({ description: '办结月份，如 2026年11月' }) concludedMonth: string;
}

@ObjectType()
export class PublicPublishedComplaintPage {
  @Field(() => Int) total: number;
  @Field(() => [PublicPublishedComplaint]) items: PublicPublishedComplaint[];
}
