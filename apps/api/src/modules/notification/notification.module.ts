import { Module } from '@nestjs/common';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationResolver } from './notification.resolver';
import { SmsOutboxQueryService } from './sms-outbox-query.service';

// Writers (NotificationService, SmsOutbox) live in libs/core so the deadline engine notifies inside
// its own transaction; this module only reads and marks read.
@Module({ providers: [NotificationInboxService, SmsOutboxQueryService, NotificationResolver] })
export class NotificationModule {}
