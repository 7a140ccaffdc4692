import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../db/data-source';
import { ENTITIES } from '../entities';
import { createRedis } from '../queue/redis';
import { Clock, SystemClock } from '../time/clock';
import { EvidenceStorage, LocalDiskStorage } from '../storage';
import { CaseAccess } from '../case/case-access.service';
import { CalendarService } from '../calendar/calendar.service';
import { CaseEventWriter } from '../case/case-event.writer';
import { CaseLifecycleService } from '../case/case-lifecycle.service';
import { CaseNumberService } from '../case/case-number.service';
import { SupervisionAccess, SupervisionQueryService, SupervisionService } from '../supervision';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Kernel shared by api and worker: validated config, the clock, the database and Redis.
 * Tests pass their own config and a FakeClock.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(opts: { config: AppConfig; clock?: Clock }): DynamicModule {
    return {
      module: CoreModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(opts.config)), TypeOrmModule.forFeature(ENTITIES)],
      providers: [
        { provide: AppConfig, useValue: opts.config },
        { provide: Clock, useValue: opts.clock ?? new SystemClock() },
        { provide: REDIS, useFactory: () => createRedis(opts.config) },
        RedisCloser,
        { provide: EvidenceStorage, useClass: LocalDiskStorage },
        CaseAccess,
        CalendarService,
        CaseEventWriter,
        CaseLifecycleService,
        CaseNumberService,
        SupervisionAccess, SupervisionQueryService, SupervisionService,
      ],
      exports: [AppConfig, Clock, REDIS, TypeOrmModule, EvidenceStorage, CalendarService, CaseAccess, CaseEventWriter, CaseLifecycleService, CaseNumberService, SupervisionAccess, SupervisionQueryService, SupervisionService],
    };
  }
}
