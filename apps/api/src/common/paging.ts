import { Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0, { message: 'offset 不能为负数' }) offset = 0;
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100, { message: '每页最多 100 条' }) limit = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** GraphQL page type: items plus the exact total, so the console can show "共 N 条". */
export function PageOf<T>(item: Type<T>, name: string) {
  @ObjectType(name)
  abstract class PageType implements Page<T> {
    @Field(() => [item]) items: T[];
    @Field(() => Int) total: number;
    @Field(() => Int) offset: number;
    @Field(() => Int) limit: number;
  }
  return PageType;
}
