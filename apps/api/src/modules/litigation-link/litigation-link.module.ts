import { Module } from '@nestjs/common';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { DepartmentDeadlineClock } from '@weiquan/core';
import { CourtReferralService } from './court-referral.service';

import { DepartmentHandlingService } from './department-handling.service';
import { ExpertService } from './expert.service';
import { LinkageService } from './linkage.service';
import { LitigationLinkAccess } from './litigation-link-access.service';
import { LitigationLinkCaseResolver } from './litigation-link-case.resolver';
import { LitigationLinkQueueService } from './litigation-link-queue.service';
import { LitigationLinkViews } from './litigation-link-views.service';
import { LitigationLinkResolver } from './litigation-link.resolver';

/**
 * 诉调对接工作室 (seed 002 五): court referrals, joint handling / transfer with departments (with an
 * agreed-deadline clock in the deadline engine), the expert roster and seminars, linkage with
 * county centers and stations, and the workroom's work queue. Case state is never written here.
 */
@Module({
  providers: [
    WorkroomCaseAccess,
    LitigationLinkAccess,
    LitigationLinkViews,
    DepartmentDeadlineClock,
    CourtReferralService,
    DepartmentHandlingService,
    ExpertService,
    LinkageService,
    LitigationLinkQueueService,
    LitigationLinkCaseResolver,
    LitigationLinkResolver,
  ],
})
export class LitigationLinkModule {}
