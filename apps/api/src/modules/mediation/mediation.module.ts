import { Module } from '@nestjs/common';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { CaseMediationResolver } from './case-mediation.resolver';
import { InvestigationService } from './investigation.service';
import { MediationAccess } from './mediation-access.service';
import { MediationAgreementService } from './mediation-agreement.service';
import { MediationQueryService } from './mediation-query.service';
import { MediationSessionService } from './mediation-session.service';
import { MediationResolver } from './mediation.resolver';
import { TestingCommissionService } from './testing-commission.service';
import { TestingResumeHook } from './testing-resume.hook';

/**
 * 维权服务工作室: mediation sessions, on-site investigations, testing commissions (which suspend
 * the case through the lifecycle in the same transaction) and agreements, plus the work queue.
 * The lifecycle, case access, supervision and notifications come from CoreModule (global).
 */
@Module({
  providers: [
    WorkroomCaseAccess,
    MediationAccess,
    MediationQueryService,
    MediationSessionService,
    InvestigationService,
    TestingCommissionService,
    TestingResumeHook,
    MediationAgreementService,
    MediationResolver,
    CaseMediationResolver,
  ],
})
export class MediationModule {}
