import { Module } from '@nestjs/common';

// AuditService is libs/core's AuditWriter, provided globally by CoreModule.
@Module({})
export class AuditModule {}
