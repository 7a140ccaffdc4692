import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import * as I from './legal-team.input';
import {
  LegalDutyModel,
  LegalTrainingModel,
  LegalTrainingPage,
  LegalVolunteerModel,
  LegalVolunteerPage,
  toLegalDutyModel,
  toLegalTrainingModel,
  toLegalVolunteerModel,
} from './legal-team.model';
import { LegalDutyService } from './legal-duty.service';
import { LegalTrainingService } from './legal-training.service';
import { LegalVolunteerService } from './legal-volunteer.service';

/** 法律服务工作室的队伍: the volunteer registry, their trainings with attendance, the duty roster. */
@Resolver()
export class LegalTeamResolver {
  constructor(
    private readonly volunteers: LegalVolunteerService,
    private readonly trainings: LegalTrainingService,
    private readonly duty: LegalDutyService,
  ) {}

  @Query(() => LegalVolunteerPage, { description: '消费维权志愿者名册' })
  @Allow(Permission.CASE_READ)
  async legalVolunteers(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => I.LegalVolunteerFilter, nullable: true }) filter?: I.LegalVolunteerFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LegalVolunteerPage> {
    const res = await this.volunteers.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toLegalVolunteerModel) };
  }

  @Query(() => LegalVolunteerModel)
  @Allow(Permission.CASE_READ)
  async legalVolunteer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LegalVolunteerModel> {
    return toLegalVolunteerModel(await this.volunteers.get(actor, id));
  }

  @Mutation(() => LegalVolunteerModel, { description: '登记志愿者（归入本中心法律服务工作室）' })
  @Allow(Permission.CASE_HANDLE)
  async createLegalVolunteer(
    @CurrentActor() actor: Actor,
    @Args('input') input: I.CreateLegalVolunteerInput,
  ): Promise<LegalVolunteerModel> {
    return toLegalVolunteerModel(await this.volunteers.create(actor, input));
  }

  @Mutation(() => LegalVolunteerModel, { description: '修改志愿者信息；active=false 为退出' })
  @Allow(Permission.CASE_HANDLE)
  async updateLegalVolunteer(
    @CurrentActor() actor: Actor,
    @Args('input') input: I.UpdateLegalVolunteerInput,
  ): Promise<LegalVolunteerModel> {
    return toLegalVolunteerModel(await this.volunteers.update(actor, input));
  }

  @Query(() => LegalTrainingPage, { description: '志愿者培训' })
  @Allow(Permission.CASE_READ)
  async legalTrainings(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => I.LegalTrainingFilter, nullable: true }) filter?: I.LegalTrainingFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LegalTrainingPage> {
    const res = await this.trainings.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toLegalTrainingModel) };
  }

  @Query(() => LegalTrainingModel)
  @Allow(Permission.CASE_READ)
  async legalTraining(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LegalTrainingModel> {
    return toLegalTrainingModel(await this.trainings.get(actor, id));
  }

  @Mutation(() => LegalTrainingModel, { description: '安排志愿者培训' })
  @Allow(Permission.CASE_HANDLE)
  async createLegalTraining(
    @CurrentActor() actor: Actor,
    @Args('input') input: I.CreateLegalTrainingInput,
  ): Promise<LegalTrainingModel> {
    return toLegalTrainingModel(await this.trainings.create(actor, input));
  }

  @Mutation(() => LegalTrainingModel, { description: '修改培训及参训名单' })
  @Allow(Permission.CASE_HANDLE)
  async updateLegalTraining(
    @CurrentActor() actor: Actor,
    @Args('input') input: I.UpdateLegalTrainingInput,
  ): Promise<LegalTrainingModel> {
    return toLegalTrainingModel(await this.trainings.update(actor, input));
  }

  @Mutation(() => LegalTrainingModel, { description: '登记培训出勤' })
  @Allow(Permission.CASE_HANDLE)
  async recordTrainingAttendance(
    @CurrentActor() actor: Actor,
    @Args('input') input: I.RecordTrainingAttendanceInput,
  ): Promise<LegalTrainingModel> {
    return toLegalTrainingModel(await this.trainings.recordAttendance(actor, input));
  }

  @Query(() => [LegalDutyModel], { description: '值班表（起止日期含当天，最长 92 天）；缺省为本人所在法律服务工作室' })
  @Allow(Permission.CASE_READ)
  async legalDutyRoster(
    @CurrentActor() actor: Actor,
    @Args('from', { description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD' }) to: string,
    @Args('unitId', { type: () => ID, nullable: true, description: '查看该单位及下级的值班表' }) unitId?: string,
  ): Promise<LegalDutyModel[]> {
    return (await this.duty.roster(actor, from, to, unitId)).map(toLegalDutyModel);
  }

  @Mutation(() => LegalDutyModel, { description: '排班：工作人员或志愿者值某日某班' })
  @Allow(Permission.CASE_HANDLE)
  async addLegalDuty(@CurrentActor() actor: Actor, @Args('input') input: I.AddLegalDutyInput): Promise<LegalDutyModel> {
    return toLegalDutyModel(await this.duty.add(actor, input));
  }

  @Mutation(() => LegalDutyModel, { description: '调班：改日期、班次或备注' })
  @Allow(Permission.CASE_HANDLE)
  async updateLegalDuty(
    @CurrentActor() actor: Actor,
    @Args('input') input: I.UpdateLegalDutyInput,
  ): Promise<LegalDutyModel> {
    return toLegalDutyModel(await this.duty.update(actor, input));
  }

  @Mutation(() => Boolean, { description: '删除一班值班' })
  @Allow(Permission.CASE_HANDLE)
  removeLegalDuty(@CurrentActor() actor: Actor, @Args('input') input: I.RemoveLegalDutyInput): Promise<boolean> {
    return this.duty.remove(actor, input);
  }
}
