import { Field, Int, ObjectType } from '@nestjs/graphql';

// Listed in public-allow-list.spec.ts: what the site shows of a typical case — the staff's own text, the
// writing unit and the publication date; never the linked case, its parties or any staff name.

@ObjectType({ description: '典型案例（列表中的一条）' })
export class PublicTypicalCaseSummary {
  @Field({ description: '详情页用的标识' }) ref: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: '商品或服务类别' }) category: string | null;
  @Field(() => String, { nullable: true, description: '投诉问题类别' }) problemType: string | null;
  @Field({ description: '发布单位' }) unitName: string;
  @Field({ description: '发布时间' }) publishedAt: Date;
  @Field({ description: '基本案情的开头' }) excerpt: string;
}

@ObjectType()
export class PublicTypicalCasePage {
  @Field(() => Int) total: number;
  @Field(() => [PublicTypicalCaseSummary]) items: PublicTypicalCaseSummary[];
}

@ObjectType({ description: '典型案例' })
export class PublicTypicalCase {
  @Field() ref: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: '商品或服务类别' }) category: string | null;
  @Field(() => String, { nullable: true, description: '投诉问题类别' }) problemType: string | null;
  @Field({ description: '发布单位' }) unitName: string;
  @Field({ description: '发布时间' }) publishedAt: Date;
  @Field({ description: '基本案情' }) facts: string;
  @Field({ description: '处理过程和结果' }) handling: string;
  @Field({ description: '消费提示' }) lesson: string;
}
