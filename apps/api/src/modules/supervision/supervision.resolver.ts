import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import { SupervisionQueryService, SupervisionService } from '@weiquan/core';
import type { Actor, SupervisionView } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import {
  EscalateSupervisionInput,
  OpenSupervisionInput,
  RespondSupervisionInput,
  ReviewSupervisionInput,
  SupervisionFilter,
} from './supervision.input';
import {
  SupervisionModel,
  SupervisionPage,
  toSupervisionModel,
  toUnitSupervisionCountModel,
  UnitSupervisionCountModel,
} from './supervision.model';

const optionalId = (v: string | null | undefined, field: string) => (v == null ? null : parseId(v, field));

@Resolver(() => SupervisionModel)
export class SupervisionResolver {
  constructor(
    private readonly service: SupervisionService,
    private readonly queries: SupervisionQueryService,
  ) {}

  @Query(() => SupervisionPage, { description: '督办列表：被督办单位及其上级可见' })
  @Allow(Permission.CASE_READ)
  async supervisions(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => SupervisionFilter, nullable: true }) filter?: SupervisionFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<SupervisionPage> {
    const f = filter ?? {};
    const res = await this.queries.list(
      actor,
      {
        ...f,
        caseId: optionalId(f.caseId, 'filter.caseId')?.toString() ?? null,
        targetUnitId: optionalId(f.targetUnitId, 'filter.targetUnitId'),
      },
      page ?? new PageInput(),
    );
    return { ...res, items: res.items.map(toSupervisionModel) };
  }

  @Query(() => SupervisionModel)
  @Allow(Permission.CASE_READ)
  async supervision(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SupervisionModel> {
    return toSupervisionModel(await this.queries.getVisible(actor, String(parseId(id, 'id'))));
  }

  @Query(() => [UnitSupervisionCountModel], {
    description: '按被督办单位统计：待答复、已答复、超期、已升级；unitId 限定为该单位及下级',
  })
  @Allow(Permission.CASE_READ)
  async supervisionCounts(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
  ): Promise<UnitSupervisionCountModel[]> {
    return (await this.queries.countsByUnit(actor, optionalId(unitId, 'unitId'))).map(toUnitSupervisionCountModel);
  }

  @Mutation(() => SupervisionModel, { description: '发起督办（针对案件或机构），发起单位为当前用户所在单位' })
  @Allow(Permission.SUPERVISION_ISSUE)
  async openSupervision(
    @CurrentActor() actor: Actor,
    @Args('input') input: OpenSupervisionInput,
  ): Promise<SupervisionModel> {
    const view = await this.service.open(actor, {
      caseId: optionalId(input.caseId, 'input.caseId')?.toString() ?? null,
      targetUnitId: optionalId(input.targetUnitId, 'input.targetUnitId'),
      level: input.level,
      content: input.content,
      responseDueAt: input.responseDueAt,
    });
    return toSupervisionModel(view);
  }

  @Mutation(() => SupervisionModel, { description: '被督办单位书面答复督办（只能答复一次）' })
  @Allow(Permission.CASE_HANDLE)
  async respondSupervision(
    @CurrentActor() actor: Actor,
    @Args('input') input: RespondSupervisionInput,
  ): Promise<SupervisionModel> {
    return this.onItem(input, (id) =>
      this.service.respond(actor, { id, response: input.response, version: input.version }),
    );
  }

  @Mutation(() => SupervisionModel, {
    description: '审核督办答复：发起方或被督办单位的上级单位采纳（关闭督办）或退回重新答复（须给出新的答复期限）',
  })
  @Allow(Permission.SUPERVISION_ISSUE)
  async reviewSupervision(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReviewSupervisionInput,
  ): Promise<SupervisionModel> {
    return this.onItem(input, (id) =>
      this.service.review(actor, {
        id,
        version: input.version,
        accepted: input.accepted,
        note: input.note,
        responseDueAt: input.responseDueAt,
      }),
    );
  }

  @Mutation(() => SupervisionModel, {
    description: '升级督办：向被督办单位的上级单位发起新的督办，原督办标记为已升级；返回新督办',
  })
  @Allow(Permission.SUPERVISION_ISSUE)
  async escalateSupervision(
    @CurrentActor() actor: Actor,
    @Args('input') input: EscalateSupervisionInput,
  ): Promise<SupervisionModel> {
    return this.onItem(input, (id) =>
      this.service.escalate(actor, {
        id,
        version: input.version,
        content: input.content,
        responseDueAt: input.responseDueAt,
        level: input.level,
      }),
    );
  }

  /** A mutation on one item: its id parsed (a bad one is BAD_USER_INPUT on input.id), the answer mapped. */
  private async onItem(
    input: { id: string },
    call: (id: string) => Promise<SupervisionView>,
  ): Promise<SupervisionModel> {
    return toSupervisionModel(await call(String(parseId(input.id, 'input.id'))));
  }
}
