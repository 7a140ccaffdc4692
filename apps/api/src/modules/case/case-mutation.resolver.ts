import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor, CaseEntity } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import * as I from './case.input';
import { fullConsumer, toCaseModel } from './case.mapper';
import { CaseModel, ConsumerModel } from './case.model';
import { CaseHandlingService } from './case-handling.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueryService } from './case-query.service';

// Thin: parse, authorise (decorator + the state machine in the service), delegate in one line.
@Resolver(() => CaseModel)
export class CaseMutationResolver {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly handling: CaseHandlingService,
    private readonly query: CaseQueryService,
  ) {}

  @Mutation(() => CaseModel, { description: '登记诉求' })
  @Allow(Permission.CASE_REGISTER)
  registerCase(@CurrentActor() a: Actor, @Args('input') i: I.RegisterCaseInput) {
    return out(this.intake.register(a, i));
  }

  @Mutation(() => CaseModel, { description: '一次性告知需补正的材料' })
  @Allow(Permission.CASE_HANDLE)
  requestMaterials(@CurrentActor() a: Actor, @Args('input') i: I.RequestMaterialsInput) {
    return out(this.handling.requestMaterials(a, i));
  }

  @Mutation(() => CaseModel, { description: '材料已补正' })
  @Allow(Permission.CASE_HANDLE)
  supplyMaterials(@CurrentActor() a: Actor, @Args('input') i: I.SupplyMaterialsInput) {
    return out(this.handling.supplyMaterials(a, i));
  }

  @Mutation(() => CaseModel, { description: '受理' })
  @Allow(Permission.CASE_HANDLE)
  acceptCase(@CurrentActor() a: Actor, @Args('input') i: I.AcceptCaseInput) {
    return out(this.handling.acceptCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '不予受理（法定情形 + 有权机关）' })
  @Allow(Permission.CASE_HANDLE)
  rejectCase(@CurrentActor() a: Actor, @Args('input') i: I.RejectCaseInput) {
    return out(this.handling.rejectCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '举报立案决定' })
  @Allow(Permission.CASE_HANDLE)
  decideFiling(@CurrentActor() a: Actor, @Args('input') i: I.DecideFilingInput) {
    return out(this.handling.decideFiling(a, i));
  }

  @Mutation(() => CaseModel, { description: '分流（即办、代办、协办）' })
  @Allow(Permission.CASE_HANDLE)
  dispatchCase(@CurrentActor() a: Actor, @Args('input') i: I.DispatchCaseInput) {
    return out(this.handling.dispatchCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '承办单位签收' })
  @Allow(Permission.CASE_HANDLE)
  receiveCase(@CurrentActor() a: Actor, @Args('input') i: I.ReceiveCaseInput) {
    return out(this.handling.receiveCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '退回受理单位（不得自行转办）' })
  @Allow(Permission.CASE_HANDLE)
  returnCase(@CurrentActor() a: Actor, @Args('input') i: I.ReturnCaseInput) {
    return out(this.handling.returnCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '上报：站点说明理由将案件交所属中心办理（不得平级转办）' })
  @Allow(Permission.CASE_HANDLE)
  handUpCase(@CurrentActor() a: Actor, @Args('input') i: I.HandUpCaseInput) {
    return out(this.handling.handUpCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '办理记录（联系、调解、调查）' })
  @Allow(Permission.CASE_HANDLE)
  recordContact(@CurrentActor() a: Actor, @Args('input') i: I.RecordContactInput) {
    return out(this.handling.recordContact(a, i));
  }

  @Mutation(() => CaseModel, { description: '中止（计时暂停）' })
  @Allow(Permission.CASE_HANDLE)
  suspendCase(@CurrentActor() a: Actor, @Args('input') i: I.SuspendCaseInput) {
    return out(this.handling.suspendCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '恢复办理' })
  @Allow(Permission.CASE_HANDLE)
  resumeCase(@CurrentActor() a: Actor, @Args('input') i: I.ResumeCaseInput) {
    return out(this.handling.resumeCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '申请延期' })
  @Allow(Permission.CASE_HANDLE)
  requestExtension(@CurrentActor() a: Actor, @Args('input') i: I.RequestExtensionInput) {
    return out(this.handling.requestExtension(a, i));
  }

  @Mutation(() => CaseModel, { description: '领导审批延期' })
  @Allow(Permission.CASE_HANDLE)
  decideExtension(@CurrentActor() a: Actor, @Args('input') i: I.DecideExtensionInput) {
    return out(this.handling.decideExtension(a, i));
  }

  @Mutation(() => CaseModel, { description: '报批调查中止（领导批准后中止，计时暂停）' })
  @Allow(Permission.CASE_HANDLE)
  requestSuspension(@CurrentActor() a: Actor, @Args('input') i: I.RequestSuspensionInput) {
    return out(this.handling.requestSuspension(a, i));
  }

  @Mutation(() => CaseModel, { description: '领导审批调查中止' })
  @Allow(Permission.CASE_HANDLE)
  decideSuspension(@CurrentActor() a: Actor, @Args('input') i: I.DecideSuspensionInput) {
    return out(this.handling.decideSuspension(a, i));
  }

  @Mutation(() => CaseModel, { description: '办结' })
  @Allow(Permission.CASE_HANDLE)
  concludeCase(@CurrentActor() a: Actor, @Args('input') i: I.ConcludeCaseInput) {
    return out(this.handling.concludeCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '回复消费者（含告知不予受理、不予立案）' })
  @Allow(Permission.CASE_HANDLE)
  replyCase(@CurrentActor() a: Actor, @Args('input') i: I.ReplyCaseInput) {
    return out(this.handling.replyCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '咨询、建议当场答复（即办）' })
  @Allow(Permission.CASE_HANDLE)
  answerConsultation(@CurrentActor() a: Actor, @Args('input') i: I.AnswerConsultationInput) {
    return out(this.handling.answerConsultation(a, i));
  }

  @Mutation(() => CaseModel, { description: '回访；不满意的重新受理为新一轮（见 nextRoundId）' })
  @Allow(Permission.CASE_HANDLE)
  async recordFollowUp(@CurrentActor() a: Actor, @Args('input') i: I.RecordFollowUpInput) {
    return toCaseModel((await this.handling.recordFollowUp(a, i)).c);
  }

  @Mutation(() => CaseModel, { description: '归档' })
  @Allow(Permission.CASE_HANDLE)
  archiveCase(@CurrentActor() a: Actor, @Args('input') i: I.ArchiveCaseInput) {
    return out(this.handling.archiveCase(a, i));
  }

  @Mutation(() => CaseModel, { description: '申报回避' })
  @Allow(Permission.CASE_HANDLE)
  declareRecusal(@CurrentActor() a: Actor, @Args('input') i: I.DeclareRecusalInput) {
    return out(this.handling.declareRecusal(a, i));
  }

  @Mutation(() => CaseModel, { description: '并案：新举报并入针对同一经营者的在办举报' })
  @Allow(Permission.CASE_HANDLE)
  mergeReport(@CurrentActor() a: Actor, @Args('input') i: I.MergeReportInput) {
    return out(this.handling.mergeReport(a, i));
  }

  @Mutation(() => ConsumerModel, { description: '查看完整消费者信息（记入案件日志）' })
  @Allow(Permission.CASE_READ)
  async unmaskConsumer(@CurrentActor() a: Actor, @Args('input') i: I.UnmaskConsumerInput): Promise<ConsumerModel> {
    return fullConsumer(await this.query.unmask(a, i.caseId, i.reason));
  }
}

async function out(p: Promise<CaseEntity>): Promise<CaseModel> {
  return toCaseModel(await p);
}
