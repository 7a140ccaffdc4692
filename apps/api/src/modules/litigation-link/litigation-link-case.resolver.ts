import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { CourtReferralService } from './court-referral.service';
import { DepartmentHandlingService } from './department-handling.service';
import {
  CloseDepartmentHandlingInput,
  CourtReferralFilter,
  DepartmentHandlingFilter,
  ReferCaseToCourtInput,
  StartDepartmentHandlingInput,
  UpdateCourtReferralInput,
  UpdateDepartmentHandlingInput,
} from './litigation-link.input';
import {
  CourtReferralModel,
  CourtReferralPage,
  DepartmentHandlingModel,
  DepartmentHandlingPage,
  toCourtReferralModel,
  toDepartmentHandlingModel,
} from './litigation-link.model';

/** 诉调对接 on a case: referrals to a court, joint handling / transfer with other departments. */
@Resolver()
export class LitigationLinkCaseResolver {
  constructor(
    private readonly referrals: CourtReferralService,
    private readonly handlings: DepartmentHandlingService,
  ) {}

  @Query(() => CourtReferralPage, { description: '移送法院记录（按案件可见范围）' })
  @Allow(Permission.CASE_READ)
  async courtReferrals(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CourtReferralFilter, nullable: true }) filter?: CourtReferralFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<CourtReferralPage> {
    const res = await this.referrals.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toCourtReferralModel) };
  }

  @Query(() => CourtReferralModel)
  @Allow(Permission.CASE_READ)
  async courtReferral(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CourtReferralModel> {
    return toCourtReferralModel(await this.referrals.get(actor, id));
  }

  @Mutation(() => CourtReferralModel, { description: '移送法院：诉前调解，或申请调解协议司法确认（须已达成调解协议）' })
  @Allow(Permission.CASE_HANDLE)
  async referCaseToCourt(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReferCaseToCourtInput,
  ): Promise<CourtReferralModel> {
    return toCourtReferralModel(await this.referrals.refer(actor, input));
  }

  @Mutation(() => CourtReferralModel, {
    description: '登记法院受理、调解成功、司法确认、不予受理或撤回等状态，及法院案号、反馈',
  })
  @Allow(Permission.CASE_HANDLE)
  async updateCourtReferral(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateCourtReferralInput,
  ): Promise<CourtReferralModel> {
    return toCourtReferralModel(await this.referrals.update(actor, input));
  }

  @Query(() => DepartmentHandlingPage, { description: '与其他部门的联办、移交（按案件可见范围）' })
  @Allow(Permission.CASE_READ)
  async departmentHandlings(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => DepartmentHandlingFilter, nullable: true }) filter?: DepartmentHandlingFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<DepartmentHandlingPage> {
    const res = await this.handlings.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toDepartmentHandlingModel) };
  }

  @Query(() => DepartmentHandlingModel)
  @Allow(Permission.CASE_READ)
  async departmentHandling(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DepartmentHandlingModel> {
    return toDepartmentHandlingModel(await this.handlings.get(actor, id));
  }

  @Mutation(() => DepartmentHandlingModel, { description: '与其他部门联办或移交，共同协商办理期限（计时随即开始）' })
  @Allow(Permission.CASE_HANDLE)
  async startDepartmentHandling(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartDepartmentHandlingInput,
  ): Promise<DepartmentHandlingModel> {
    return toDepartmentHandlingModel(await this.handlings.start(actor, input));
  }

  @Mutation(() => DepartmentHandlingModel, { description: '修改联办、移交事项、联系人，或重新商定办理期限' })
  @Allow(Permission.CASE_HANDLE)
  async updateDepartmentHandling(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateDepartmentHandlingInput,
  ): Promise<DepartmentHandlingModel> {
    return toDepartmentHandlingModel(await this.handlings.update(actor, input));
  }

  @Mutation(() => DepartmentHandlingModel, { description: '联办、移交办结：登记办理结果，商定期限计时停止' })
  @Allow(Permission.CASE_HANDLE)
  async completeDepartmentHandling(
    @CurrentActor() actor: Actor,
    @Args('input') input: CloseDepartmentHandlingInput,
  ): Promise<DepartmentHandlingModel> {
    return toDepartmentHandlingModel(await this.handlings.close(actor, input, 'COMPLETED'));
  }

  @Mutation(() => DepartmentHandlingModel, { description: '撤销联办、移交（如部门不予接收），商定期限计时撤销' })
  @Allow(Permission.CASE_HANDLE)
  async cancelDepartmentHandling(
    @CurrentActor() actor: Actor,
    @Args('input') input: CloseDepartmentHandlingInput,
  ): Promise<DepartmentHandlingModel> {
    return toDepartmentHandlingModel(await this.handlings.close(actor, input, 'CANCELLED'));
  }
}
