import { Module } from '@nestjs/common';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { CaseHandlingService } from './case-handling.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseMutationResolver } from './case-mutation.resolver';
import { CaseQueryService } from './case-query.service';
import { CaseResolver } from './case.resolver';

/** 受理接待 and the case aggregate: registration, the lifecycle mutations, lists and detail. */
@Module({
  imports: [OrgUnitModule],
  providers: [CaseIntakeService, CaseHandlingService, CaseQueryService, CaseResolver, CaseMutationResolver],
  exports: [CaseQueryService, CaseIntakeService, CaseHandlingService],
})
export class CaseModule {}
