import { Module } from '@nestjs/common';
import { CaseSupervisionResolver } from './case-supervision.resolver';
import { SupervisionResolver } from './supervision.resolver';

// The services live in libs/core (SupervisionService and friends, provided by CoreModule) so the
// worker's deadline engine can open automatic items in its own transaction.
@Module({ providers: [SupervisionResolver, CaseSupervisionResolver] })
export class SupervisionModule {}
