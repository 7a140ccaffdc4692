import { Args, Context, ID, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { CaseActionLabel, Permission } from '@weiquan/shared';
import { Actor, Clock } from '@weiquan/core';
import { loader } from '../../common/loaders';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { OrgUnitModel, toOrgUnitModel } from '../org-unit/org-unit.model';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { ProblemTypeService } from '../problem-type/problem-type.service';
import { CaseFilter } from './case.input';
import { entityOf, toCaseModel } from './case.mapper';
import {
  AllowedActionModel,
  CaseDispatchModel,
  CaseEventModel,
  CaseExtensionModel,
  CaseFollowUpModel,
  CaseModel,
  CasePage,
  SharedContactSignalModel,
} from './case.model';
import { CaseQueryService } from './case-query.service';

type Ctx = { req: object };

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly query: CaseQueryService,
    private readonly orgUnits: OrgUnitService,
    private readonly clock: Clock,
    private readonly problemTypes: ProblemTypeService,
  ) {}

  @Query(() => CasePage, { description: '案件列表（按数据范围过滤，分页含总数）' })
  @Allow(Permission.CASE_READ)
  async cases(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter?: CaseFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<CasePage> {
    const res = await this.query.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toCaseModel) };
  }

  @Query(() => CaseModel)
  @Allow(Permission.CASE_READ)
  async case(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CaseModel> {
    return toCaseModel(await this.query.get(actor, id));
  }

  @Query(() => CaseModel)
  @Allow(Permission.CASE_READ)
  async caseByNo(@CurrentActor() actor: Actor, @Args('caseNo') caseNo: string): Promise<CaseModel> {
    return toCaseModel(await this.query.byNo(actor, caseNo));
  }

  @ResolveField(() => [CaseEventModel], { description: '案件日志（谁、何时、从何状态到何状态、做了什么）' })
  async timeline(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<CaseEventModel[]> {
    const events = await loader<string, CaseEventModel[]>(ctx.req, 'case.timeline', async (ids) => {
      const rows = await this.query.timeline(ids);
      return ids.map((id) =>
        rows
          .filter((e) => e.caseId === id)
          .map((e) => ({
            id: e.id,
            action: e.action,
            fromState: e.fromState as CaseEventModel['fromState'],
            toState: e.toState as CaseEventModel['toState'],
            actorName: e.actorName,
            actorKind: e.actorKind,
            actorUnitId: e.actorUnitId == null ? null : String(e.actorUnitId),
            at: e.at,
            note: e.note,
            detail: e.detail ? JSON.stringify(e.detail) : null,
          })),
      );
    }).load(c.id);
    return events;
  }

  @ResolveField(() => OrgUnitModel, { description: '受理单位' })
  intakeUnit(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<OrgUnitModel> {
    return this.unit(ctx, c.intakeUnitId);
  }

  @ResolveField(() => OrgUnitModel, { description: '当前所在单位' })
  ownerUnit(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<OrgUnitModel> {
    return this.unit(ctx, c.ownerUnitId);
  }

  @ResolveField(() => [CaseDispatchModel])
  async dispatches(@Parent() c: CaseModel): Promise<CaseDispatchModel[]> {
    return (await this.query.dispatches(c.id)).map((d) => ({
      id: d.id,
      hop: d.hop,
      fromUnitId: String(d.fromUnitId),
      targetType: d.targetType as CaseDispatchModel['targetType'],
      toUnitId: d.toUnitId == null ? null : String(d.toUnitId),
      workroom: d.workroom as CaseDispatchModel['workroom'],
      externalAgencyId: d.externalAgencyId == null ? null : String(d.externalAgencyId),
      mode: d.mode as CaseDispatchModel['mode'],
      instructions: d.instructions,
      dispatchedAt: d.dispatchedAt,
      receivedAt: d.receivedAt,
      returnedAt: d.returnedAt,
      returnReason: d.returnReason,
    }));
  }

  @ResolveField(() => [CaseExtensionModel])
  async extensions(@Parent() c: CaseModel): Promise<CaseExtensionModel[]> {
    return (await this.query.extensions(c.id)).map((e) => ({
      id: e.id,
      reason: e.reason,
      days: e.days,
      status: e.status,
      requestedAt: e.requestedAt,
      decidedAt: e.decidedAt,
      decisionNote: e.decisionNote,
    }));
  }

  @ResolveField(() => [CaseFollowUpModel])
  async followUps(@Parent() c: CaseModel): Promise<CaseFollowUpModel[]> {
    return (await this.query.followUps(c.id)).map((f) => ({
      attempt: f.attempt,
      at: f.at,
      result: f.result,
      satisfaction: f.satisfaction as CaseFollowUpModel['satisfaction'],
      note: f.note,
    }));
  }

  @ResolveField(() => [AllowedActionModel], { description: '当前用户此刻可执行的操作' })
  async allowedActions(@Parent() c: CaseModel, @CurrentActor() actor: Actor): Promise<AllowedActionModel[]> {
    return (await this.query.allowed(actor, entityOf(c))).map((a) => ({
      action: a.action,
      label: a.label ?? CaseActionLabel[a.action],
      allowed: a.allowed,
      reasonCode: a.reason?.code ?? null,
      reason: a.reason?.message ?? null,
    }));
  }

  /** 疑似重复件 names the earlier case only to a user who may see it (its existence is not disclosed otherwise). */
  @ResolveField(() => ID, { nullable: true, description: '疑似重复件：关联的前一件（仅当前用户可见时）' })
  async repeatOfId(@CurrentActor() actor: Actor, @Parent() c: CaseModel, @Context() ctx: Ctx): Promise<string | null> {
    if (!c.repeatOfId) return null;
    const visible = await loader<string, boolean>(ctx.req, 'case.visible', async (ids) => {
      const seen = await this.query.visibleIds(actor, ids);
      return ids.map((id) => seen.has(id));
    }).load(c.repeatOfId);
    return visible ? c.repeatOfId : null;
  }

  @ResolveField(() => SharedContactSignalModel, { description: '多名投诉人共用同一电话或地址的提示' })
  sharedContactSignal(@Parent() c: CaseModel): Promise<SharedContactSignalModel> {
    return this.query.sharedContactSignal(entityOf(c), this.clock.now());
  }

  @ResolveField(() => String, { nullable: true, description: '投诉问题类别名称（字典中的现名）' })
  async problemTypeName(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<string | null> {
    if (!c.problemType) return null;
    return loader<string, string | null>(ctx.req, 'problemTypeName', async (codes) => {
      const names = await this.problemTypes.namesOf(codes);
      return codes.map((code) => names.get(code) ?? null);
    }).load(c.problemType);
  }

  private async unit(ctx: Ctx, id: string): Promise<OrgUnitModel> {
    return loader<string, OrgUnitModel>(ctx.req, 'orgUnit', async (ids) => {
      const units = await this.orgUnits.byIds(ids.map(Number));
      return ids.map((i) => toOrgUnitModel(units.find((u) => String(u.id) === i)!));
    }).load(id);
  }
}
