import { Module } from '@nestjs/common';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { ApiClientResolver } from './api-client.resolver';
import { ApiClientService } from './api-client.service';
import { WebhookAdminResolver } from './webhook-admin.resolver';
import { WebhookAdminService } from './webhook-admin.service';

/** Administration of other government systems' API clients, their keys and their status callbacks. */
@Module({
  imports: [OrgUnitModule],
  providers: [ApiClientService, ApiClientResolver, WebhookAdminService, WebhookAdminResolver],
})
export class ApiClientModule {}
