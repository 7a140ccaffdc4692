import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';

// AuditService is libs/core's AuditWriter, provided globally by CoreModule; this module serves the search.
@Module({ providers: [AuditResolver] })
export class AuditModule {}
