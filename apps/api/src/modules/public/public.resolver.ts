import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '../../common/permission.decorator';
import { PublicLookupService } from './public-lookup.service';
import { PublicSubmissionService } from './public-submission.service';
import { PublicFollowUpInput, PublicLookupInput, PublicSubmissionInput } from './public.input';
import { PublicCaseProgress, PublicReceipt, PublicSmsCodeSent } from './public.model';

/**
 * The public site's operations: no login (@Public), throttled per address and per phone inside the
 * services, and typed only with Public* types (test: public-allow-list.int-spec.ts).
 */
@Resolver()
export class PublicResolver {
  constructor(
    private readonly submissions: PublicSubmissionService,
    private readonly lookups: PublicLookupService,
  ) {}

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

  @Query(() => PublicCaseProgress, { description: '凭案件编号和查询码查询办理进度' })
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
}
