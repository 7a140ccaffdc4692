import { Module } from '@nestjs/common';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { DeadlineAdminResolver } from './deadline-admin.resolver';
import { DeadlineAdminService } from './deadline-admin.service';
import { DeadlineQueryService } from './deadline-query.service';
import { DeadlineResolver } from './deadline.resolver';

/** Reading deadlines and violations; the engine itself lives in libs/core (api and worker share it). */
@Module({
  imports: [OrgUnitModule],
  providers: [DeadlineQueryService, DeadlineResolver, DeadlineAdminService, DeadlineAdminResolver],
})
export class DeadlineModule {}
