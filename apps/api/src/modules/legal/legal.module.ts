import { Module } from '@nestjs/common';
import { DocumentModule } from '../document/document.module';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { CaseLegalResolver } from './case-legal.resolver';
import { LegalController } from './legal.controller';
import { LegalResolver } from './legal.resolver';
import { LegalConsultationService } from './legal-consultation.service';
import { LegalDutyService } from './legal-duty.service';
import { LegalScope } from './legal-scope.service';
import { LegalTeamResolver } from './legal-team.resolver';
import { LegalTrainingService } from './legal-training.service';
import { LegalVolunteerService } from './legal-volunteer.service';
import { LegalWorkService } from './legal-work.service';
import { LitigationSupportService } from './litigation-support.service';

/**
 * 法律服务工作室: free legal consultations, litigation support (with the drafted 民事起诉状),
 * the volunteer team and its trainings, the duty roster, the archive and the work queue.
 * Never changes a case's state; writes on a case append to its timeline.
 */
@Module({
  imports: [OrgUnitModule, DocumentModule],
  controllers: [LegalController],
  providers: [
    WorkroomCaseAccess,
    LegalScope,
    LegalConsultationService,
    LitigationSupportService,
    LegalVolunteerService,
    LegalTrainingService,
    LegalDutyService,
    LegalWorkService,
    LegalResolver,
    LegalTeamResolver,
    CaseLegalResolver,
  ],
})
export class LegalModule {}
