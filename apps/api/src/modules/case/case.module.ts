import { Module } from '@nestjs/common';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { ProblemTypeModule } from '../problem-type/problem-type.module';
import { CaseCorrectionResolver } from './case-correction.resolver';
import { CaseCorrectionService } from './case-correction.service';
import { CaseHandlingService } from './case-handling.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseMutationResolver } from './case-mutation.resolver';
import { CaseQueryService } from './case-query.service';
import { CaseSearchService } from './case-search.service';
import { CaseResolver } from './case.resolver';

/** 受理接待 and the case aggregate: registration, the lifecycle mutations, lists and detail. */
@Module({
  imports: [OrgUnitModule, ProblemTypeModule],
  providers: [
    CaseIntakeService,
    CaseHandlingService,
    CaseQueryService,
    CaseSearchService,
    CaseResolver,
    CaseMutationResolver,
    CaseCorrectionService,
    CaseCorrectionResolver,
  ],
  exports: [CaseQueryService, CaseIntakeService, CaseHandlingService],
})
export class CaseModule {}
