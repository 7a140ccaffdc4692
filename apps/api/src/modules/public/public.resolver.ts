import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '../../common/permission.decorator';
import { PublicServiceInfo, PublicServicePoint, PublicPublishedComplaintPage } from './public-info.model';
import { PublicInfoService } from './public-info.service';
import { PublicPerformance, PublicPerformanceOptions } from './public-performance.model';
import { PublicPerformanceService } from './public-performance.service';
import { PublicLookupService } from './public-lookup.service';
import { PublicPhoneLookupService } from './public-phone-lookup.service';
import { PublicPublicationService } from './public-publication.service';
import { PublicSubmissionService } from './public-submission.service';
import {
  PublicDocumentLinkInput,
  PublicFollowUpInput,
  PublicLookupCodeInput,
  PublicLookupInput,
  PublicSubmissionInput,
  PublicSuggestionInput,
} from './public.input';
import { PublicCaseProgress, PublicDocumentLink, PublicReceipt, PublicSmsCodeSent } from './public.model';

/**
 * The public site's operations: no login (@Public), throttled per address and per phone inside the
 * services, and typed only with Public* types (test: public-allow-list.int-spec.ts).
 */
@Resolver()
export class PublicResolver {
  constructor(
    private readonly submissions: PublicSubmissionService,
    private readonly lookups: PublicLookupService,
    private readonly info: PublicInfoService,
    private readonly publication: PublicPublicationService,
    private readonly phoneLookups: PublicPhoneLookupService,
    private readonly performance: PublicPerformanceService,
  ) {}

  @Query(() => PublicPerformanceOptions, { description: '服务成效：可选的单位和月份' })
  @Public()
  publicPerformanceOptions(): Promise<PublicPerformanceOptions> {
    return this.performance.options();
  }

  @Query(() => PublicPerformance, { description: '服务成效：单位某月的按时办结率、调解成功率、满意率等' })
  @Public()
  publicPerformance(@Args('unit') unit: string, @Args('month') month: string): Promise<PublicPerformance> {
    return this.performance.performance(String(unit).slice(0, 32), String(month).slice(0, 7));
  }

  @Query(() => PublicServiceInfo, { description: '办事公开：办事流程、工作室职责、承诺时限、监督电话' })
  @Public()
  publicServiceInfo(): Promise<PublicServiceInfo> {
    return this.info.serviceInfo();
  }

  @Query(() => [PublicServicePoint], { description: '维权中心和服务站的地址、电话；可按县区、名称或地址查找' })
  @Public()
  publicServicePoints(
    @Args('keyword', { type: () => String, nullable: true }) keyword?: string | null,
  ): Promise<PublicServicePoint[]> {
    return this.info.servicePoints(keyword);
  }

  @Query(() => PublicPublishedComplaintPage, { description: '投诉信息公示：可按经营者名称或统一社会信用代码查找' })
  @Public()
  publicPublishedComplaints(
    @Args('keyword', { type: () => String, nullable: true }) keyword?: string | null,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit = 20,
  ): Promise<PublicPublishedComplaintPage> {
    return this.publication.published(keyword, offset, limit);
  }

  @Mutation(() => Boolean, { description: '意见箱留言（送达中心负责人）' })
  @Public()
  publicSubmitSuggestion(@Args('input') input: PublicSuggestionInput, @Context('req') req: Request): Promise<boolean> {
    return this.publication.suggest(req.ip ?? '', input);
  }

  @Mutation(() => PublicReceipt, { description: '网上投诉、举报、咨询：返回案件编号和查询码（仅显示一次）' })
  @Public()
  publicSubmit(@Args('input') input: PublicSubmissionInput, @Context('req') req: Request): Promise<PublicReceipt> {
    return this.submissions.submit(req.ip ?? '', input);
  }

  @Mutation(() => PublicSmsCodeSent, { description: '获取短信验证码（同一手机当天再次提交时需要）' })
  @Public()
  publicSendSmsCode(@Args('phone') phone: string, @Context('req') req: Request): Promise<PublicSmsCodeSent> {
    return this.submissions.sendSmsCode(req.ip ?? '', phone);
  }

  @Mutation(() => PublicSmsCodeSent, {
    description: '获取查询验证码：发送到案件登记的手机号码（案件编号与手机号码后四位相符时）',
  })
  @Public()
  publicSendLookupCode(
    @Args('input') input: PublicLookupCodeInput,
    @Context('req') req: Request,
  ): Promise<PublicSmsCodeSent> {
    return this.phoneLookups.sendCode(req.ip ?? '', input);
  }

  @Query(() => PublicCaseProgress, {
    description: '凭案件编号和查询码（或手机号码后四位和短信验证码）查询办理进度',
  })
  @Public()
  publicCaseProgress(
    @Args('input') input: PublicLookupInput,
    @Context('req') req: Request,
  ): Promise<PublicCaseProgress> {
    return this.lookups.progress(req.ip ?? '', input);
  }

  @Mutation(() => PublicCaseProgress, { description: '对办理情况作出评价（回访）' })
  @Public()
  publicAnswerFollowUp(
    @Args('input') input: PublicFollowUpInput,
    @Context('req') req: Request,
  ): Promise<PublicCaseProgress> {
    return this.lookups.answerFollowUp(req.ip ?? '', input);
  }

  @Mutation(() => PublicDocumentLink, { description: '下载送达的文书：一次性地址，10 分钟内有效' })
  @Public()
  publicDocumentLink(
    @Args('input') input: PublicDocumentLinkInput,
    @Context('req') req: Request,
  ): Promise<PublicDocumentLink> {
    return this.lookups.documentLink(req.ip ?? '', input);
  }
}
