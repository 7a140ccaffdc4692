import { Args, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { ReviseDeadlineRuleInput } from './deadline-admin.input';
import { DeadlineAdminService } from './deadline-admin.service';

@ObjectType('DeadlineRule')
class DeadlineRuleModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => [String]) kinds: string[];
  @Field() startEvent: string;
  @Field(() => [String]) stopEvents: string[];
  @Field(() => [String]) pauseStates: string[];
  @Field(() => Int) amount: number;
  @Field() unit: string;
  @Field(() => [Float]) warnFractions: number[];
  @Field(() => Int, { nullable: true }) hardMaxAmount: number | null;
  @Field() perHop: boolean;
}

@ObjectType('DeadlineRuleSet', { description: '时限规则集（按版本；在办计时保留其起算时的版本）' })
class DeadlineRuleSetModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'COMMITMENT 服务承诺 / STATUTORY 法定时限' }) layer: string;
  @Field() effectiveFrom: string;
  @Field(() => Int) version: number;
  @Field() active: boolean;
  @Field(() => [DeadlineRuleModel]) rules: DeadlineRuleModel[];
}

@ObjectType('DeadlineRecalculationItem', { description: '重新计算后截止时间会变化的在办计时' })
class RecalculationItemModel {
  @Field(() => ID) deadlineId: string;
  @Field(() => ID) caseId: string;
  @Field() caseNo: string;
  @Field() ruleCode: string;
  @Field({ description: '暂定计时（跨入尚未导入节假日安排的年度）' }) provisional: boolean;
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field(() => Date, { nullable: true }) currentDue: Date | null;
  @Field(() => Date, { nullable: true }) newDue: Date | null;
  @Field(() => Int) amount: number;
  @Field(() => Int) newAmount: number;
  @Field() unit: string;
  @Field() newUnit: string;
}

@Resolver()
export class DeadlineAdminResolver {
  constructor(private readonly admin: DeadlineAdminService) {}

  @Query(() => [DeadlineRuleSetModel], { description: '时限规则集及其全部版本' })
  @Allow(Permission.CASE_READ)
  async deadlineRuleSets(): Promise<DeadlineRuleSetModel[]> {
    return (await this.admin.ruleSets()).map(({ set, rules }) => ({
      ...set,
      id: String(set.id),
      rules: rules.map((r) => ({ ...r, id: String(r.id) })),
    }));
  }

  @Mutation(() => DeadlineRuleSetModel, {
    description: '修订时限规则：生成规则集新版本（在办计时不受影响，需另行预览并应用重新计算）',
  })
  @Allow(Permission.RULES_MANAGE)
  async reviseDeadlineRule(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReviseDeadlineRuleInput,
  ): Promise<DeadlineRuleSetModel> {
    const set = await this.admin.revise(actor, input);
    const all = await this.admin.ruleSets();
    const found = all.find((s) => s.set.id === set.id)!;
    return { ...found.set, id: String(found.set.id), rules: found.rules.map((r) => ({ ...r, id: String(r.id) })) };
  }

  @Query(() => [RecalculationItemModel], { description: '预览：按现行规则版本和日历重新计算后会变化的在办计时' })
  @Allow(Permission.RULES_MANAGE)
  previewDeadlineRecalculation(
    @Args('ruleSetCode', { nullable: true }) ruleSetCode?: string,
    @Args('provisionalOnly', { nullable: true, description: '只看暂定计时（导入节假日安排后）' })
    provisionalOnly?: boolean,
  ) {
    return this.admin.preview(ruleSetCode, provisionalOnly ?? false);
  }

  @Mutation(() => Int, { description: '应用重新计算（记入审计）；不指定则应用全部预览项' })
  @Allow(Permission.RULES_MANAGE)
  applyDeadlineRecalculation(
    @CurrentActor() actor: Actor,
    @Args('reason') reason: string,
    @Args('deadlineIds', { type: () => [ID], nullable: true }) deadlineIds?: string[],
    @Args('provisionalOnly', { nullable: true, description: '只重新计算暂定计时' }) provisionalOnly?: boolean,
  ): Promise<number> {
    return this.admin.apply(actor, deadlineIds, reason, provisionalOnly ?? false);
  }
}
