import { Module } from '@nestjs/common';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { ApiClientResolver } from './api-client.resolver';
import { ApiClientService } from './api-client.service';

/** Administration of other government systems' API clients and their keys. */
@Module({ imports: [OrgUnitModule], providers: [ApiClientService, ApiClientResolver] })
export class ApiClientModule {}
