import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ProblemTypeEntity } from '@weiquan/core';

@ObjectType('ProblemType', { description: '投诉问题类别（字典，管理员维护）' })
export class ProblemTypeModel {
  @Field(() => ID, { description: '代码（案件和统计中保存的值，改名不变）' }) code: string;
  @Field() name: string;
  @Field(() => Int) sortOrder: number;
  @Field({ description: '启用：登记时可选' }) active: boolean;
  @Field(() => Int) version: number;
  @Field({ description: '已有案件使用（不能删除，只能停用）' }) inUse: boolean;
}

export function toProblemTypeModel(e: ProblemTypeEntity, inUse: boolean): ProblemTypeModel {
  return { code: e.code, name: e.name, sortOrder: e.sortOrder, active: e.active, version: e.version, inUse };
}
