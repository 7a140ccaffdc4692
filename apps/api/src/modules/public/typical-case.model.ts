import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { TypicalCaseStatus } from '@weiquan/shared';
import { PageOf } from '../../common/paging';

registerEnumType(TypicalCaseStatus, { name: 'TypicalCaseStatus', description: '典型案例：草稿、已发布、已撤回' });

@ObjectType({ description: '典型案例（工作人员撰写，发布后在公众网站公开）' })
export class TypicalCase {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: '撰写单位' }) unitId: string;
  @Field() unitName: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: '商品或服务类别' }) category: string | null;
  @Field(() => String, { nullable: true, description: '投诉问题类别代码' }) problemType: string | null;
  @Field(() => String, { nullable: true, description: '投诉问题类别' }) problemTypeName: string | null;
  @Field({ description: '基本案情' }) facts: string;
  @Field({ description: '处理过程和结果' }) handling: string;
  @Field({ description: '消费提示' }) lesson: string;
  @Field(() => ID, { nullable: true, description: '关联的已办结案件（仅内部可见，不公开）' }) sourceCaseId:
    | string
    | null;
  @Field(() => String, { nullable: true }) sourceCaseNo: string | null;
  @Field(() => TypicalCaseStatus) status: TypicalCaseStatus;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true, description: '撤回理由' }) withdrawReason: string | null;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
  @Field(() => String, { nullable: true, description: '最后修改人' }) updatedByName: string | null;
}

@ObjectType('TypicalCasePage')
export class TypicalCasePage extends PageOf(TypicalCase, 'TypicalCasePageBase') {}

@InputType()
export class TypicalCaseFilter {
  @Field(() => TypicalCaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TypicalCaseStatus)
  status?: TypicalCaseStatus;
  @Field(() => String, { nullable: true, description: '标题或正文中的关键字' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '关键字最多 50 个字' })
  keyword?: string;
}

@InputType({ description: '新增（不带 id）或修改典型案例' })
export class SaveTypicalCaseInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() id?: string;
  @Field(() => ID, { nullable: true, description: '撰写单位（新增时；缺省为本人所在单位）' })
  @IsOptional()
  @IsString()
  unitId?: string;
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请填写标题' })
  @MaxLength(100, { message: '标题最多 100 个字' })
  title: string;
  @Field(() => String, { nullable: true, description: '商品或服务类别' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '商品或服务类别最多 50 个字' })
  category?: string | null;
  @Field(() => String, { nullable: true, description: '投诉问题类别代码' })
  @IsOptional()
  @IsString()
  @MaxLength(32, { message: '请从列表中选择投诉问题类别' })
  problemType?: string | null;
  @Field({ description: '基本案情' })
  @IsString()
  @IsNotEmpty({ message: '请填写基本案情' })
  @MaxLength(5000, { message: '基本案情最多 5000 个字' })
  facts: string;
  @Field({ description: '处理过程和结果' })
  @IsString()
  @IsNotEmpty({ message: '请填写处理过程和结果' })
  @MaxLength(5000, { message: '处理过程和结果最多 5000 个字' })
  handling: string;
  @Field({ description: '消费提示' })
  @IsString()
  @IsNotEmpty({ message: '请填写消费提示' })
  @MaxLength(3000, { message: '消费提示最多 3000 个字' })
  lesson: string;
  @Field(() => ID, { nullable: true, description: '关联的已办结案件（可选，本辖区内）' })
  @IsOptional()
  @IsString()
  sourceCaseId?: string | null;
  @Field(() => Int, { nullable: true, description: '修改时必填：读取时的版本' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType({ description: '撤回已发布的典型案例（须说明理由）' })
export class WithdrawTypicalCaseInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请说明撤回理由' })
  @MaxLength(500, { message: '撤回理由最多 500 个字' })
  reason: string;
}
